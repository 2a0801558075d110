"""API for children's records, through the same services, policy and audit trail as the pages."""

from django.shortcuts import get_object_or_404
from ninja import Router

from lantern.access.policy import child_for, require_permission, sections_for, visible_children
from lantern.accounts.models import Agency, Team, User
from lantern.api.schema import Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record

from . import schemas as s
from .models import Allocation, Involvement, Person, PersonAddress, Relationship
from .search import parse_query, search_children
from .selectors import OTHER_RECORDS_MAY_MATCH, WITHHELD, duplicate_check, hidden_relatives
from .services import (
    address_add,
    allocation_change,
    child_create,
    child_update,
    family_member_add,
    involvement_add,
    relationship_add,
)
from .services.children import PERSON_FIELDS

router = Router(tags=["Children and families"])


def _child_out(child: Person, sections: frozenset[str]) -> s.ChildOut:
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


def _read(request, pk: int, what: str, section: str) -> Person:
    child, decision = child_for(request.auth, pk)
    if section not in sections_for(request.auth):
        from django.core.exceptions import PermissionDenied
        raise PermissionDenied("This part of the record is not shared with you")
    audit_record(actor=request.auth, action=Action.VIEW, object_type=what, object_id=pk, child_id=pk,
                 detail=f"api; basis: {decision.basis}")
    return child


@router.get("/children", response=list[s.ChildListOut], summary="Find children")
def children_search(request, q: Text):
    """Name (misspelt, nicknamed, any order), date of birth, NHS number, UPN or Lantern ID."""
    require_permission(request.auth, "child.search")
    parsed = parse_query(q)
    results = search_children(visible_children(request.auth), parsed)
    audit_record(actor=request.auth, action=Action.SEARCH, object_type="person", children=[c.pk for c in results],
                 detail=f"api; {len(results)} shown")
    return [_list_out(c) for c in results]


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
            return 409, {"detail": detail, "duplicates": [_list_out(p) for p in found.shown],
                         "other_records_may_match": found.others}
    child = child_create(actor=request.auth, data={k: data[k] for k in PERSON_FIELDS if k in data},
                         disabilities=payload.disabilities)
    return 201, _child_out(child, sections_for(request.auth))


def _list_out(p: Person) -> s.ChildListOut:
    return s.ChildListOut(id=p.pk, lantern_id=p.lantern_id, first_name=p.first_name, last_name=p.last_name,
                          date_of_birth=p.date_of_birth, expected_date_of_birth=p.expected_date_of_birth,
                          current_team_id=p.current_team_id, current_worker_id=p.current_worker_id)


@router.get("/children/{pk}", response=s.ChildOut, summary="A child's details")
def children_detail(request, pk: int):
    child = _read(request, pk, "person", "identity")
    return _child_out(child, sections_for(request.auth))


@router.patch("/children/{pk}", response=s.ChildOut, summary="Change a child's details",
              description="Send the version you read. If someone saved since, the change is refused (409).")
def children_update(request, pk: int, payload: s.ChildPatch):
    child, _ = child_for(request.auth, pk, for_change=True)
    changes = payload.dict(exclude_unset=True)
    version, disabilities = changes.pop("version"), changes.pop("disabilities", None)
    child = child_update(actor=request.auth, child=child, expected_version=version, data=changes,
                         disabilities=disabilities)
    return _child_out(child, sections_for(request.auth))


@router.get("/children/{pk}/family", response=list[s.RelationshipOut], summary="Family and household",
            description="A relative with a child record of their own that you cannot open is listed by "
                        "relationship only: their name is withheld and their id and date of birth are null.")
def family_list(request, pk: int):
    _read(request, pk, "relationships", "family")
    relationships = list(Relationship.objects.filter(child_id=pk).select_related("relative"))
    hidden = hidden_relatives(request.auth, relationships)
    return [_relationship_out(r, hidden) for r in relationships]


def _relationship_out(r: Relationship, hidden: set[int] | None = None) -> s.RelationshipOut:
    withheld = r.relative_id in (hidden or set())
    return s.RelationshipOut(id=r.pk, relative_id=None if withheld else r.relative_id,
                             relative_name=WITHHELD if withheld else r.relative.full_name,
                             relative_date_of_birth=None if withheld else r.relative.date_of_birth,
                             relationship_type=r.relationship_type, lives_with_child=r.lives_with_child,
                             has_parental_responsibility=r.has_parental_responsibility)


@router.post("/children/{pk}/family", response={201: s.RelationshipOut}, summary="Add a family member")
def family_create(request, pk: int, payload: s.FamilyMemberIn):
    child, _ = child_for(request.auth, pk, for_change=True)
    r = family_member_add(actor=request.auth, child=child, person_data=payload.person.dict(),
                          relationship_type=payload.relationship_type, lives_with_child=payload.lives_with_child,
                          has_parental_responsibility=payload.has_parental_responsibility)
    return 201, _relationship_out(r)


@router.post("/children/{pk}/relationships", response={201: s.RelationshipOut},
             summary="Link a person Lantern already holds",
             description="The relative must be a child whose record you can open, or an adult already related "
                         "to such a child; anyone else is refused with 422 as not found.")
def relationship_create(request, pk: int, payload: s.LinkRelativeIn):
    child, _ = child_for(request.auth, pk, for_change=True)
    r = relationship_add(actor=request.auth, child=child, relative_id=payload.relative_id,
                         relationship_type=payload.relationship_type, lives_with_child=payload.lives_with_child,
                         has_parental_responsibility=payload.has_parental_responsibility)
    return 201, _relationship_out(r)


@router.get("/children/{pk}/addresses", response=list[s.AddressOut], summary="Address history")
def address_list(request, pk: int):
    _read(request, pk, "addresses", "addresses")
    return [_address_out(a) for a in PersonAddress.objects.filter(person_id=pk).select_related("address")]


def _address_out(a: PersonAddress) -> s.AddressOut:
    return s.AddressOut(id=a.pk, line_1=a.address.line_1, line_2=a.address.line_2, town=a.address.town,
                        postcode=a.address.postcode, moved_in=a.moved_in, moved_out=a.moved_out)


@router.post("/children/{pk}/addresses", response={201: s.AddressOut}, summary="Record a new address")
def address_create(request, pk: int, payload: s.AddressIn):
    child, _ = child_for(request.auth, pk, for_change=True)
    data = payload.dict()
    moved_in = data.pop("moved_in")
    return 201, _address_out(address_add(actor=request.auth, child=child, address_data=data, moved_in=moved_in))


@router.get("/children/{pk}/allocations", response=list[s.AllocationOut], summary="Allocation history")
def allocation_list(request, pk: int):
    _read(request, pk, "allocations", "allocation")
    return list(Allocation.objects.filter(child_id=pk))


@router.post("/children/{pk}/allocations", response={201: s.AllocationOut}, summary="Change allocation")
def allocation_create(request, pk: int, payload: s.AllocationIn):
    child, _ = child_for(request.auth, pk, for_change=True)
    team = get_object_or_404(Team, pk=payload.team_id)
    worker = get_object_or_404(User, pk=payload.worker_id) if payload.worker_id else None
    return 201, allocation_change(actor=request.auth, child=child, team=team, worker=worker,
                                  start_date=payload.start_date, reason=payload.reason)


@router.get("/children/{pk}/professionals", response=list[s.InvolvementOut], summary="Involved professionals")
def involvement_list(request, pk: int):
    _read(request, pk, "involvements", "professionals")
    return list(Involvement.objects.filter(child_id=pk))


@router.post("/children/{pk}/professionals", response={201: s.InvolvementOut}, summary="Add a professional")
def involvement_create(request, pk: int, payload: s.InvolvementIn):
    child, _ = child_for(request.auth, pk, for_change=True)
    agency = get_object_or_404(Agency, pk=payload.agency_id)
    practitioner = get_object_or_404(User, pk=payload.practitioner_id) if payload.practitioner_id else None
    return 201, involvement_add(actor=request.auth, child=child, agency=agency, role=payload.role,
                                start_date=payload.start_date, practitioner=practitioner,
                                practitioner_name=payload.practitioner_name, contact_details=payload.contact_details)
