"""The XML: the DfE's element names in the DfE's order, no namespace, ISO dates, lowercase booleans,
one review date per Reviews element; Sex from 2024-25, GenderCurrent before."""

import io
from datetime import date, datetime
from xml.etree import ElementTree

from lantern.returns.cin_census.reader import read_census
from lantern.returns.cin_census.records import AssessmentRecord
from lantern.returns.cin_census.schema import SCHEMA
from lantern.returns.cin_census.writer import write_return

from .census_records import a_year_earlier, census, clean_child

WHEN = datetime(2025, 4, 10, 9, 30)


def _xml(ret) -> bytes:
    out = io.BytesIO()
    write_return(ret, out, serial=7, generated_at=WHEN, release="1.0")
    return out.getvalue()


def _tree(data: bytes):
    # Our own output, never an uploaded file: the standard parser is safe here.
    return ElementTree.fromstring(data)  # noqa: S314


def _follows_schema(element) -> None:
    """Every child element is one the schema names for its parent, in the schema's order."""
    if element.tag not in SCHEMA:
        assert len(element) == 0, f"<{element.tag}> should hold a value"
        return
    order = [name.rstrip("*") for name in SCHEMA[element.tag]]
    positions = [order.index(child.tag) for child in element]
    assert positions == sorted(positions), f"<{element.tag}> children out of order: {[c.tag for c in element]}"
    for child in element:
        _follows_schema(child)


def test_every_element_is_named_and_ordered_as_the_specification_says():
    child = clean_child(former_upn="A123456789012", upn_unknown="", death_date=date(2025, 3, 1))
    child.episodes[0].icpc_date = date(2024, 5, 20)
    child.episodes[0].assessments.append(AssessmentRecord(start=date(2024, 7, 1), internal_review=date(2024, 7, 15)))
    root = _tree(_xml(census(child)))
    _follows_schema(root)
    assert root.tag == "Message" and "{" not in ElementTree.tostring(root, encoding="unicode").split(">")[0]
    tags = [e.tag for e in root.iter()]
    assert tags[:16] == ["Message", "Header", "CollectionDetails", "Collection", "Year", "ReferenceDate", "Source",
                         "SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime", "Children", "Child",
                         "ChildIdentifiers"]
    detail = root.find("Children/Child/CINdetails")
    assert [e.tag for e in detail] == ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "DateOfInitialCPC",
                                       "ReferralNFA", "Assessments", "Assessments", "CINPlanDates", "Section47",
                                       "ChildProtectionPlans"]
    identifiers = root.find("Children/Child/ChildIdentifiers")
    assert [e.tag for e in identifiers] == ["LAchildID", "UPN", "FormerUPN", "PersonBirthDate", "Sex",
                                            "PersonDeathDate"]
    assert read_census(_xml(census(child))).problems == []


def test_values_are_written_in_the_census_formats(settings):
    root = _tree(_xml(census(clean_child())))
    assert root.findtext("Header/CollectionDetails/Collection") == "CIN"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2025-03-31"
    assert root.findtext("Header/Source/LEA") == "333"
    assert root.findtext("Header/Source/DateTime") == "2025-04-10T09:30:00"
    detail = root.find("Children/Child/CINdetails")
    assert detail.findtext("ReferralNFA") == "false"
    assert detail.findtext("Section47/ICPCnotRequired") == "false"
    assert detail.findtext("CINreferralDate") == "2024-05-01"
    assert [f.text for f in detail.findall("Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors")] == [
        "3A", "4B"]
    assert detail.find("CINPlanDates/CINPlanEndDate") is None  # empty values are left out, not written blank


def test_one_review_date_per_reviews_element():
    child = clean_child()
    child.episodes[0].cp_plans[0].reviews = [date(2024, 8, 20), date(2024, 10, 21)]
    reviews = _tree(_xml(census(child))).findall("Children/Child/CINdetails/ChildProtectionPlans/Reviews")
    assert [[e.tag for e in r] for r in reviews] == [["CPPreviewDate"], ["CPPreviewDate"]]
    assert [r.findtext("CPPreviewDate") for r in reviews] == ["2024-08-20", "2024-10-21"]


def test_sex_from_2024_25_and_gender_before():
    assert _tree(_xml(census(clean_child()))).findtext("Children/Child/ChildIdentifiers/Sex") == "F"
    older = _tree(_xml(census(a_year_earlier(clean_child()), year=2024)))
    identifiers = older.find("Children/Child/ChildIdentifiers")
    assert identifiers.find("Sex") is None and identifiers.findtext("GenderCurrent") == "2"


def test_text_is_escaped():
    root = _tree(_xml(census(clean_child(la_child_id="A<&>B"))))
    assert root.findtext("Children/Child/ChildIdentifiers/LAchildID") == "A<&>B"


def test_an_empty_return_is_still_a_census_file():
    root = _tree(_xml(census()))
    assert root.find("Children") is not None and len(root.find("Children")) == 0
