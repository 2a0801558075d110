"""The element tree of a CIN census file, as data: each container's children in the order the DfE
specification gives them ("*" marks an element that may repeat). Any name not listed as a
container is a leaf holding text. The reader checks files against it; a test holds the writer to it."""

PRE_PROCEEDINGS = ("PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate",
                   "ReviewMeetingsCount", "StepDecisionDate", "PPOutcome", "CourtAppDate", "LetterInitCPDate")

SCHEMA: dict[str, tuple[str, ...]] = {
    "Message": ("Header", "Children"),
    "Header": ("CollectionDetails", "Source"),
    "CollectionDetails": ("Collection", "Year", "ReferenceDate"),
    "Source": ("SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"),
    "Children": ("Child*",),
    "Child": ("ChildIdentifiers", "ChildCharacteristics", "CINdetails*"),
    "ChildIdentifiers": ("LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
                         "GenderCurrent", "Sex", "PersonDeathDate"),
    "ChildCharacteristics": ("Ethnicity", "Disabilities"),
    "Disabilities": ("Disability*",),
    "CINdetails": ("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                   "DateOfInitialCPC", "ReferralNFA", "Assessments*", "CINPlanDates*", "Section47*",
                   "ChildProtectionPlans*", "PreProceedingsandFGDM*"),
    "Assessments": ("AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
                    "FactorsIdentifiedAtAssessment"),
    "FactorsIdentifiedAtAssessment": ("AssessmentFactors*",),
    "CINPlanDates": ("CINPlanStartDate", "CINPlanEndDate"),
    "Section47": ("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"),
    "ChildProtectionPlans": ("CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
                             "NumberOfPreviousCPP", "Reviews*"),
    "Reviews": ("CPPreviewDate",),
    # New in 2025-26; no rule uses it yet and the order of its elements is not checked.
    "PreProceedingsandFGDM": PRE_PROCEEDINGS,
}
UNORDERED = frozenset({"PreProceedingsandFGDM"})


def child_names(container: str) -> dict[str, tuple[int, bool]]:
    """{child element: (position, may repeat)} for one container."""
    return {name.rstrip("*"): (n, name.endswith("*")) for n, name in enumerate(SCHEMA[container])}


POSITIONS = {container: child_names(container) for container in SCHEMA}
