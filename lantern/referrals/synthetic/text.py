"""Invented wording for the synthetic records: short, plausible, and never about a real family.
Descriptive and analytic versions differ the way the inspection said they did."""

VIEWS = (
    "'I like it when Dad takes me to football. I don't like it when they shout at night.'",
    "'Mum is sad a lot. I make my own breakfast.'", "'I want to stay at my school. My friends are there.'",
    "'Nan's house is where I feel safe.'", "'I don't want to talk about it.' She drew her family, with her "
    "stepdad outside the house.", "Too young to say; he reached for mum and settled quickly when she held him.",
)
VIEWS_DESCRIBED = ("Child presented as happy and well cared for.", "Child was quiet during the visit.",
                   "Child appeared settled.")
IDENTITY = (
    "The family speak {language} at home and an interpreter was used with mum; {name} moves between two cultures "
    "and says school is where she feels she belongs.",
    "{name}'s faith matters to the family and the mosque is a support; the assessment used a worker who knew the "
    "community.", "{name}'s autism means changes of routine are hard; the plan keeps the same worker and visit times.",
)
HISTORY = ("Two earlier contacts from school about lateness, both closed with advice; the pattern has continued.",
           "An assessment in {year} found the same worries about drinking; the support then ended when mum moved.",
           "No earlier involvement; the health visitor's records show no concerns until this year.")
RISKS = ("Arguments at night that frighten the children; dad's drinking at weekends.",
         "Mum's low mood means the children miss school and meals are irregular.",
         "Older brother's friends bring cannabis into the house.")
STRENGTHS = ("Both parents want help and have kept every appointment.", "Nan lives nearby and the children "
             "stay with her when things are bad.", "School attendance is good and staff know the family well.")
ANALYSIS = ("The arguments, not the drinking alone, are what harm the children: they describe lying awake listening. "
            "With mum's engagement and nan's support the risk is moderate and can be met by a plan.",
            "Neglect here is about mum's illness, not a lack of care; if her treatment holds, the children's needs "
            "will be met. If it does not, the risk rises quickly, so the plan needs fortnightly checks.")
DESCRIPTIVE = ("Home visit completed. House was clean. Mum said things are fine. Children seen.",
               "Family known to services. Concerns raised by school. Parents spoke to.")
NOT_ALONE = ("She would not leave her mum's side; she is four.", "Dad refused; we will see him at school next time.",
             "Seen with his brother at his request.")
FATHER_NOT_ENGAGED = ("Not contacted.", "Lives elsewhere; no contact details on file.",
                      "Three letters and a visit; he declined to take part.")
ACTIONS = (
    ("Mum attends the Freedom Programme", "Brindleford Women's Aid", "Mum can describe a safety plan"),
    ("Weekly school check-ins with the learning mentor", "Oakfield Primary School", "Attendance above 95%"),
    ("Dad completes an alcohol assessment", "Brindleford Recovery Service", "Dad attends 8 of 10 sessions"),
    ("GP reviews mum's medication", "Dr Osei, Hill Lane Surgery", "Mum reports sleeping and eating better"),
    ("Family support worker helps with bedtime routines", "Family Support Service", "Children in bed by 8pm"),
)
CLOSE_RISK = ("Risk is low: the plan's actions are achieved, school and the GP have no concerns, and the family "
              "know how to ask for help.", "Risk is low to moderate: mum's mood is better; early help will keep "
              "in touch weekly and school will refer back if attendance drops.")
CLOSE_RISK_THIN = ("No further concerns identified at this time.", "Case can close; no ongoing role for CSC.")
