"""Invented wording for synthetic child protection records: short, plausible, never about a real family."""

CONCERNS = ("Bruising to the upper arm seen at school; she said dad grabbed her.",
            "Baby brought to A&E with an unexplained injury to the leg.",
            "Police called to a violent incident at home; the children were in the room.",
            "Disclosure to the school nurse of being hit with a belt.",
            "Home conditions very poor; children hungry and missing school for weeks.",
            "Teenager found with an older man known to police; concerns about exploitation.")
SHARED = {"csc": ("Open to children's social care since the referral; two earlier contacts closed with advice.",
                  "Assessment under way; mother has not engaged with the last two visits."),
          "police": ("Two domestic call-outs in six months; father has a caution for assault.",
                     "No police information on the household."),
          "health": ("Missed immunisations and two missed health visitor appointments.",
                     "GP reports mother's depression, treated since last year."),
          "education": ("Attendance 78% this term; bruise seen on Monday and reported the same day.",
                        "Comes to school hungry; staff provide breakfast most days."),
          "other": ("Housing officer reports complaints of noise and arguments.",
                    "Family support service closed the case after three missed sessions.")}
ABSENT = {"police": ("No officer was available in time.", "Police did not answer the call; information sent after."),
          "health": ("The health visitor was on leave and no one covered.", "The GP surgery could not be reached."),
          "referrer": ("The school was closed for the holiday.", "The referrer was in clinic; a written account "
                       "was read out.")}
RATIONALE = ("Reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.",
             "The injury is not explained and the child's account is consistent; an enquiry is needed.")
NO_ENQUIRY = "The threshold for an enquiry is not met; the assessment continues with a safety plan."
ACTIONS = (("Child protection medical", "Dr Hughes, community paediatrics"),
           ("Police checks on all adults in the household", "Brindleford Police, CAIT"),
           ("Visit and see the child alone", "The allocated social worker"),
           ("School to monitor and report any new marks", "Designated safeguarding lead"))
RISK = ("The injury is consistent with the child's account; father's drinking makes it likely to happen again. "
        "Mother is protective but overwhelmed.",
        "Neglect is chronic; the children's needs are not met and mother does not see the harm. Nan is a strength.")
OUTCOME = {"nfa": "The child's account and the medical explain the injury; no further action with advice.",
           "cin_plan": "Not significant harm, but the family needs coordinated support: a child in need plan.",
           "conference": "The risk of significant harm continues: an initial child protection conference is needed.",
           "legal": "The risk cannot be managed at home: legal advice sought and pre-proceedings begun."}
VISIT_NOTES = ("Seen at school with the designated safeguarding lead; bruise photographed with consent.",
               "Home visit; all rooms seen; children's beds have no bedding.")
REPORT = ("Findings of the enquiry, the family's history and my analysis of the risk: I recommend a plan.",)
AGENCY_REPORT = ("Attendance and presentation this term; our concerns and what we can offer.",)
CONFERENCE_RATIONALE = ("All agencies agree the child is likely to suffer significant harm without a plan.",
                        "Agencies are divided; the chair decided the threshold is met given the history.")
NO_PLAN_RATIONALE = "The risk is reduced by father leaving the home; a child in need plan will support mother."
OUTLINE = ("Father stops physical chastisement and completes a programme; the children are safe at home.",
           "Home conditions and routines improve; the children attend school and health appointments.")
PLAN_ACTIONS = (("Father completes the Caring Dads programme", "Brindleford Family Service",
                 "Father can describe what he will do instead of hitting"),
                ("Children attend every health appointment", "Mother, supported by the health visitor",
                 "Immunisations up to date by the next review"),
                ("School attendance above 95%", "School attendance officer", "Register shows 95% each half term"),
                ("Mother attends the Freedom Programme", "Brindleford Women's Aid", "Mother has a safety plan"))
CORE_GROUP = ("Progress on most actions; father has started the programme.",
              "Little change; home conditions slipped again. Agencies to visit more often.")
CHILD_WORDS = ("'Dad doesn't shout now.'", "'I like my room now it's tidy.'", "'I don't want to talk today.'",
               "(A baby: smiled, babbled and reached for mum.)")
OBSERVATIONS = ("Home warm and clean; food in the fridge.", "Curtains closed at 11am; mother tired but engaged.")
NOT_ALONE = ("She would not leave her mum's side; she is four.", "Father refused; seen alone at school next day.")
EARLY_END = ("Father has left the home and mother is protective; school and health visitor see the child daily; "
             "a child in need plan keeps support in place.",)
LATE = {"record": "Worker on a court day; typed up afterwards.", "icpc": "No chair available within 15 days.",
        "report": "Report finished late; shared at the door on the morning.", "decision": "Chair on leave the next "
        "day.", "minutes": "Minute-taker post vacant.", "core_group": "Partners could not attend on the due date.",
        "review": "Conference rooms fully booked.", "visit": "Worker off sick; no cover arranged."}
