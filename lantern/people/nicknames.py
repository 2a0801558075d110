"""Groups of first names that people use for one another, so "Bill" finds William.

Each group lists a formal name and its everyday forms. Extend freely; a name may sit in more than
one group (e.g. "Alex")."""

NAME_GROUPS: tuple[tuple[str, ...], ...] = (
    ("william", "will", "bill", "billy", "liam", "willie"),
    ("john", "jon", "johnny", "jack", "jonathan", "jonathon", "johnathan", "jonny"),
    ("james", "jim", "jimmy", "jamie"),
    ("robert", "rob", "bob", "bobby", "robbie", "bert"),
    ("richard", "rich", "rick", "ricky", "dick"),
    ("michael", "mike", "mikey", "mick", "mickey"),
    ("thomas", "tom", "tommy"),
    ("joseph", "joe", "joey"),
    ("daniel", "dan", "danny"),
    ("matthew", "matt", "matty"),
    ("christopher", "chris", "kit"),
    ("anthony", "tony", "ant"),
    ("edward", "ed", "eddie", "ted", "ned"),
    ("alexander", "alex", "alfie", "sandy", "xander"),
    ("alexandra", "alex", "lexi", "sandra", "alexa"),
    ("benjamin", "ben", "benny"),
    ("samuel", "sam", "sammy"),
    ("samantha", "sam", "sammy"),
    ("charles", "charlie", "chas", "chuck"),
    ("charlotte", "charlie", "lottie", "lotte"),
    ("henry", "harry", "hal", "hank"),
    ("frederick", "fred", "freddie", "freddy"),
    ("nicholas", "nick", "nicky"),
    ("joshua", "josh"),
    ("oliver", "olly", "ollie"),
    ("zachary", "zach", "zack"),
    ("elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby", "elsie"),
    ("margaret", "maggie", "meg", "peggy", "maisie"),
    ("katherine", "kate", "katie", "kathy", "kat", "catherine", "cath", "kitty"),
    ("rebecca", "becky", "becca"),
    ("jessica", "jess", "jessie"),
    ("victoria", "vicky", "tori"),
    ("jennifer", "jen", "jenny"),
    ("abigail", "abi", "abby", "gail"),
    ("isabella", "bella", "izzy", "isabel", "isobel"),
    ("eleanor", "ellie", "nell", "nelly", "elle"),
    ("amelia", "millie", "amy"),
    ("olivia", "liv", "livvy"),
    ("sophia", "sophie", "soph"),
    ("susan", "sue", "susie"),
    ("deborah", "debbie", "deb"),
    ("patricia", "pat", "patty", "trish"),
    ("mohammed", "muhammad", "mohammad", "mohamed", "mo", "mohamad"),
    ("abdullah", "abdul"),
    ("oluwaseun", "seun"),
    ("oluwatobi", "tobi"),
    ("aleksander", "olek", "alek"),
    ("krzysztof", "krzys"),
)


def _index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in NAME_GROUPS:
        for name in group:
            index.setdefault(name, set()).update(group)
    return {name: frozenset(names) for name, names in index.items()}


EQUIVALENT_NAMES = _index()


def equivalent_names(name: str) -> frozenset[str]:
    return EQUIVALENT_NAMES.get(name, frozenset({name}))
