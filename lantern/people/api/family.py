"""A child's family, addresses, allocations and the professionals involved."""

from django.shortcuts import get_object_or_404
from ninja import Query

from lantern.access.policy import child_for
from lantern.accounts.models import Agency, Team, User
from lantern.api.paging import PageQuery, page_of, paged_query
from lantern.people.audit_types import ADDRESSES, ALLOCATIONS, INVOLVEMENTS, RELATIONSHIPS

from .. import schemas as s
from ..models import Allocation, Involvement, PersonAddress, Relationship
from ..selectors import WITHHELD, hidden_relatives
from ..services import address_add, allocation_change, family_member_add, involvement_add, relationship_add
from .reading import read_section
from .router import router


def _relationship_out(r: Relationship, hidden: set[int] | None = None) -> s.RelationshipOut:
    withheld = r.relative_id in (hidden or set())
    return s.RelationshipOut(id=r.pk, relative_id=None if withheld else r.relative_id,
                             relative_name=WITHHELD if withheld else r.relative.full_name,
                             relative_date_of_birth=None if withheld else r.relative.date_of_birth,
                             relationship_type=r.relationship_type, lives_with_child=r.lives_with_child,
                             has_parental_responsibility=r.has_parental_responsibility)


@router.get("/children/{child_id}/relationships", response=page_of(s.RelationshipOut),
            summary="Family and household",
            description="Newest recorded first. A relative with a child record of their own that you cannot open is "
                        "listed by relationship only: their name is withheld and their id and date of birth are null.")
def relationship_list(request, child_id: int, paging: Query[PageQuery]):
    read_section(request, child_id, RELATIONSHIPS, "family")
    page = paged_query(Relationship.objects.filter(child_id=child_id).select_related("relative"), paging,
                       order=("-pk",))
    hidden = hidden_relatives(request.auth, page.items)
    return page.out(lambda r: _relationship_out(r, hidden))


@router.post("/children/{child_id}/family-members", response={201: s.RelationshipOut},
             summary="Add a family member Lantern does not hold yet",
             description="Records the person and their relationship to the child together.")
def family_member_create(request, child_id: int, payload: s.FamilyMemberIn):
    child, _ = child_for(request.auth, child_id, for_change=True)
    person = payload.dict(include=set(s.PersonIn.model_fields))
    r = family_member_add(actor=request.auth, child=child, person_data=person,
                          relationship_type=payload.relationship_type, lives_with_child=payload.lives_with_child,
                          has_parental_responsibility=payload.has_parental_responsibility)
    return 201, _relationship_out(r)


@router.post("/children/{child_id}/relationships", response={201: s.RelationshipOut},
             summary="Link a person Lantern already holds",
             description="The relative must be a child whose record you can open, or an adult already related "
                         "to such a child; anyone else is refused with 422 as not found.")
def relationship_create(request, child_id: int, payload: s.LinkRelativeIn):
    child, _ = child_for(request.auth, child_id, for_change=True)
    r = relationship_add(actor=request.auth, child=child, relative_id=payload.relative_id,
                         relationship_type=payload.relationship_type, lives_with_child=payload.lives_with_child,
                         has_parental_responsibility=payload.has_parental_responsibility)
    return 201, _relationship_out(r)


def _address_out(a: PersonAddress) -> s.AddressOut:
    return s.AddressOut(id=a.pk, line_1=a.address.line_1, line_2=a.address.line_2, town=a.address.town,
                        postcode=a.address.postcode, moved_in=a.moved_in, moved_out=a.moved_out)


@router.get("/children/{child_id}/addresses", response=page_of(s.AddressOut), summary="Address history",
            description="Latest move first (by the day they moved in).")
def address_list(request, child_id: int, paging: Query[PageQuery]):
    read_section(request, child_id, ADDRESSES, "addresses")
    rows = PersonAddress.objects.filter(person_id=child_id).select_related("address")
    return paged_query(rows, paging, order=("-moved_in", "-pk")).out(_address_out)


@router.post("/children/{child_id}/addresses", response={201: s.AddressOut}, summary="Record a new address",
             description="The current address, if any, ends the day before the child moved in.")
def address_create(request, child_id: int, payload: s.AddressIn):
    child, _ = child_for(request.auth, child_id, for_change=True)
    data = payload.dict()
    moved_in = data.pop("moved_in")
    return 201, _address_out(address_add(actor=request.auth, child=child, address_data=data, moved_in=moved_in))


@router.get("/children/{child_id}/allocations", response=page_of(s.AllocationOut), summary="Allocation history",
            description="Latest first (by start date).")
def allocation_list(request, child_id: int, paging: Query[PageQuery]):
    read_section(request, child_id, ALLOCATIONS, "allocation")
    return paged_query(Allocation.objects.filter(child_id=child_id), paging, order=("-start_date", "-pk")).out()


@router.post("/children/{child_id}/allocations", response={201: s.AllocationOut}, summary="Change allocation",
             description="Moves the child to a team, and to a worker of that team, from a day.")
def allocation_create(request, child_id: int, payload: s.AllocationIn):
    child, _ = child_for(request.auth, child_id, for_change=True)
    team = get_object_or_404(Team, pk=payload.team_id)
    worker = get_object_or_404(User, pk=payload.worker_id) if payload.worker_id else None
    return 201, allocation_change(actor=request.auth, child=child, team=team, worker=worker,
                                  start_date=payload.start_date, reason=payload.reason)


@router.get("/children/{child_id}/professionals", response=page_of(s.InvolvementOut),
            summary="Involved professionals", description="Latest first (by the day their involvement started).")
def involvement_list(request, child_id: int, paging: Query[PageQuery]):
    read_section(request, child_id, INVOLVEMENTS, "professionals")
    return paged_query(Involvement.objects.filter(child_id=child_id), paging, order=("-start_date", "-pk")).out()


@router.post("/children/{child_id}/professionals", response={201: s.InvolvementOut}, summary="Add a professional",
             description="A practitioner from another agency: a Lantern user (practitioner_id) or a name.")
def involvement_create(request, child_id: int, payload: s.InvolvementIn):
    child, _ = child_for(request.auth, child_id, for_change=True)
    agency = get_object_or_404(Agency, pk=payload.agency_id)
    practitioner = get_object_or_404(User, pk=payload.practitioner_id) if payload.practitioner_id else None
    return 201, involvement_add(actor=request.auth, child=child, agency=agency, role=payload.role,
                                start_date=payload.start_date, practitioner=practitioner,
                                practitioner_name=payload.practitioner_name, contact_details=payload.contact_details)
