"""Pages for the people and places around a child: family members, addresses, allocation and
other agencies' professionals."""

from django.urls import reverse
from django.utils import timezone

from lantern.accounts.models import Agency, Team, User
from lantern.accounts.roles import Role
from lantern.service_layer.pages import service_page
from lantern.web.decorators import child_page

from ..forms import AddressForm, AllocationForm, FamilyMemberForm, InvolvementForm, LinkRelativeForm
from ..services import address_add, allocation_change, family_member_add, involvement_add, relationship_add


def _page(request, child, form, title: str, save, success: str):
    back = reverse("people:child_detail", args=[child.pk])
    return service_page(request, form, save=save, success=success, done_url=back, title=title, child=child,
                        back_url=back, back_text=f"Back to {child.full_name}")


@child_page(permission="child.edit", for_change=True)
def family_member_create(request, child, decision):
    form = FamilyMemberForm(request.POST if request.method == "POST" else None)

    def save(data):
        person = {k: data.get(k) for k in ("first_name", "middle_names", "last_name", "known_as",
                                            "date_of_birth", "sex")}
        family_member_add(actor=request.user, child=child, person_data=person,
                          relationship_type=data["relationship_type"], lives_with_child=data["lives_with_child"],
                          has_parental_responsibility=data["has_parental_responsibility"])

    return _page(request, child, form, "Add a family or household member",
                 save, "The family member was added")


@child_page(permission="child.edit", for_change=True)
def relationship_create(request, child, decision):
    form = LinkRelativeForm(request.POST if request.method == "POST" else None)

    def save(data):
        relationship_add(actor=request.user, child=child, relative_id=data["relative_id"],
                         relationship_type=data["relationship_type"], lives_with_child=data["lives_with_child"],
                         has_parental_responsibility=data["has_parental_responsibility"])

    return _page(request, child, form, "Link a person Lantern already holds",
                 save, "The relationship was recorded")


@child_page(permission="child.edit", for_change=True)
def address_create(request, child, decision):
    form = AddressForm(request.POST if request.method == "POST" else None, initial={"moved_in": timezone.localdate()})

    def save(data):
        fields = {k: data[k] for k in ("line_1", "line_2", "town", "postcode")}
        address_add(actor=request.user, child=child, address_data=fields, moved_in=data["moved_in"])

    return _page(request, child, form, "Record a new address", save,
                 "The new address was recorded")


@child_page(permission="child.allocate", for_change=True)
def allocation_create(request, child, decision):
    teams = Team.objects.order_by("name")
    workers = User.objects.filter(is_active=True, team__isnull=False).exclude(
        role=Role.PARTNER_PRACTITIONER).select_related("team").order_by("team__name", "last_name")
    form = AllocationForm(request.POST if request.method == "POST" else None, teams=teams, workers=workers,
                          initial={"start_date": timezone.localdate(), "team": child.current_team_id})

    def save(data):
        allocation_change(actor=request.user, child=child, team=data["team"], worker=data["worker"],
                          start_date=data["start_date"], reason=data["reason"])

    return _page(request, child, form, "Change allocation", save,
                 "The allocation was changed")


@child_page(permission="child.edit", for_change=True)
def involvement_create(request, child, decision):
    practitioners = (User.objects.filter(role=Role.PARTNER_PRACTITIONER, is_active=True)
                     .select_related("agency"))
    form = InvolvementForm(request.POST if request.method == "POST" else None, agencies=Agency.objects.all(),
                           practitioners=practitioners,
                           initial={"start_date": timezone.localdate()})

    def save(data):
        involvement_add(actor=request.user, child=child, agency=data["agency"], role=data["role"],
                        start_date=data["start_date"], practitioner=data["practitioner"],
                        practitioner_name=data["practitioner_name"], contact_details=data["contact_details"])

    return _page(request, child, form, "Add an involved professional", save,
                 "The professional was added")
