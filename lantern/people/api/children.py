"""Finding, recording, reading and changing a child's record."""

from ninja import Query

from lantern.access.policy import child_for, require_permission, sections_for, visible_children
from lantern.api.paging import PageQuery, page_of, paged_list
from lantern.api.schema import Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.people.audit_types import PERSON

from .. import schemas as s
from ..models import Person
from ..search import MAX_RESULTS, parse_query, search_children
from ..selectors import OTHER_RECORDS_MAY_MATCH, duplicate_check
from ..services import child_create, child_update
from ..services.children import PERSON_FIELDS
from .reading import read_section
from .router import router


def child_out(child: Person, sections: frozenset[str]) -> s.ChildOut:
    out = s.ChildOut(
        id=child.pk, lantern_id=child.lantern_id, first_name=child.first_name, middle_names=child.middle_names,
        last_name=child.last_name, known_as=child.known_as, date_of_birth=child.date_of_birth,
        expected_date_of_birth=child.expected_date_of_birth, sex=child.sex, is_restricted=child.is_restricted,
        version=child.version, current_team_id=child.current_team_id, current_worker_id=child.current_worker_id,
    )
    if "characteristics" in sections:
        out.ethnicity, out.first_language = child.ethnicity, child.first_language
        out.interpreter_required, out.religion = child.interpreter_required, child.religion
        out.disabilities = sorted(child.disabilities.values_list("code", flat=True))
    if "identifiers" in sections:
        out.nhs_number, out.upn = child.nhs_number, child.upn
    return out


def child_list_out(p: Person) -> s.ChildListOut:
    return s.ChildListOut(id=p.pk, lantern_id=p.lantern_id, first_name=p.first_name, last_name=p.last_name,
                          date_of_birth=p.date_of_birth, expected_date_of_birth=p.expected_date_of_birth,
                          current_team_id=p.current_team_id, current_worker_id=p.current_worker_id)


@router.get("/children", response=page_of(s.ChildListOut), summary="Find children",
            description="Name (misspelt, nicknamed, in any order), date of birth, NHS number, UPN or Lantern ID. "
                        f"Closest match first, at most the {MAX_RESULTS} closest, only children you may open. "
                        "Every child on the page is written to the audit trail as shown to you.")
def children_search(request, q: Text, paging: Query[PageQuery]):
    require_permission(request.auth, "child.search")
    results = search_children(visible_children(request.auth), parse_query(q))
    page = paged_list(results, paging, name="children")
    audit_record(actor=request.auth, action=Action.SEARCH, object_type=PERSON, children=[c.pk for c in page.items],
                 detail=f"api; {len(page.items)} of {len(results)} shown")
    return page.out(child_list_out)


@router.post("/children", response={201: s.ChildOut, 409: s.DuplicateOut}, summary="Record a new child",
             description="Refused with 409 when the child may already have a record: check the children listed "
                         "(only those you may open are named), then send confirm_not_duplicate=true.")
def children_create(request, payload: s.ChildIn):
    require_permission(request.auth, "child.create")
    data = payload.dict()
    if not payload.confirm_not_duplicate:
        found = duplicate_check(request.auth, first_name=payload.first_name, last_name=payload.last_name,
                                date_of_birth=payload.date_of_birth, nhs_number=payload.nhs_number,
                                upn=payload.upn, detail="api; ")
        if found.any:
            detail = ("This child may already have a record. Check these, then send confirm_not_duplicate=true "
                      "to create a new one.")
            if found.others:
                detail += " " + OTHER_RECORDS_MAY_MATCH
            return 409, {"detail": detail, "duplicates": [child_list_out(p) for p in found.shown],
                         "other_records_may_match": found.others}
    child = child_create(actor=request.auth, data={k: data[k] for k in PERSON_FIELDS if k in data},
                         disabilities=payload.disabilities)
    return 201, child_out(child, sections_for(request.auth))


@router.get("/children/{child_id}", response=s.ChildOut, summary="A child's details",
            description="The parts of the record your role is not shared (a partner's, say) come back as null.")
def children_detail(request, child_id: int):
    child = read_section(request, child_id, PERSON, "identity")
    return child_out(child, sections_for(request.auth))


@router.patch("/children/{child_id}", response=s.ChildOut, summary="Change a child's details",
              description="Send the version you read and only the fields to change. If someone saved since, the "
                          "change is refused (409).")
def children_update(request, child_id: int, payload: s.ChildPatch):
    child, _ = child_for(request.auth, child_id, for_change=True)
    changes = payload.dict(exclude_unset=True)
    version, disabilities = changes.pop("version"), changes.pop("disabilities", None)
    child = child_update(actor=request.auth, child=child, expected_version=version, data=changes,
                         disabilities=disabilities)
    return child_out(child, sections_for(request.auth))
