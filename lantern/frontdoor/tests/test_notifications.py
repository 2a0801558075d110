"""Police domestic abuse notifications: row-by-row checks, nothing lost, triage, the funnel."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lantern.frontdoor.codes import NotificationStatus
from lantern.frontdoor.csv_rows import check_rows, read_csv
from lantern.frontdoor.models import DomesticAbuseNotification, NotificationBatch
from lantern.frontdoor.selectors.funnel import notification_funnel
from lantern.frontdoor.services import contact_person_link, marac_record, notification_triage, notifications_receive
from lantern.frontdoor.testing import decide, level

HEADER = "police_reference,incident_date,victim_name,perpetrator_name,address,postcode,children_in_household," \
         "children_details,dash_risk\n"
GOOD = "WM/1,2025-01-03,Sam Example,Lee Example,1 Test Street,B70 9AB,Y,Ruby 4,high\n"
CSV = HEADER + GOOD + (
    "WM/2,31/02/2025,Jo Example,,2 Test Street,B70 9AB,N,,standard\n"      # impossible date
    "WM/3,2025-01-04,,,3 Test Street,NOTAPOSTCODE,maybe,,severe\n"         # four problems
    "WM/1,2025-01-05,Al Example,,4 Test Street,,U,,medium\n"               # duplicate reference in the file
    "WM/5,2025-01-06,Mo Example,,5 Test Street,,no,,Medium\n")             # good (case and words allowed)


def test_every_bad_row_is_refused_with_row_column_and_reason_and_good_rows_are_kept():
    rows, file_errors = read_csv(CSV)
    checked = check_rows(rows, timezone.localdate(), existing=set())
    assert not file_errors
    assert [n for n, _ in checked.good] == [2, 6]
    refused = {(e["row"], e["column"]) for e in checked.errors}
    assert refused == {(3, "incident_date"), (4, "victim_name"), (4, "postcode"), (4, "children_in_household"),
                       (4, "dash_risk"), (5, "police_reference")}
    assert checked.good[1][1]["children_in_household"] == "N" and checked.good[1][1]["dash_risk"] == "medium"


def test_a_missing_column_refuses_the_file_before_anything_is_read():
    rows, errors = read_csv("police_reference,victim_name\nWM/9,Sam\n")
    assert rows == [] and {e["column"] for e in errors} >= {"incident_date", "dash_risk"}


def test_the_upload_runs_as_a_task_and_its_page_lists_the_refused_rows(client, screener):
    client.force_login(screener)
    upload = SimpleUploadedFile("notifications.csv", CSV.encode(), content_type="text/csv")
    response = client.post("/front-door/notifications/upload/", {"file": upload})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert DomesticAbuseNotification.objects.count() == 2
    batch = NotificationBatch.objects.get()
    assert batch.rows_total == 5 and batch.rows_accepted == 2 and batch.rows_rejected == 3
    assert "The incident date" not in page and "is not a date" in page and "dash_risk" in page
    assert 'value="100"' in page  # the progress bar is full


def test_an_upload_with_a_wrong_header_is_refused_on_the_form(client, screener):
    client.force_login(screener)
    upload = SimpleUploadedFile("n.csv", b"name,date\nx,y\n", content_type="text/csv")
    html = client.post("/front-door/notifications/upload/", {"file": upload}).content.decode()
    assert "govuk-error-summary" in html and "no column called police_reference" in html
    assert not NotificationBatch.objects.exists()


def test_the_police_may_send_notifications_but_other_partners_may_not(police, partner):
    rows = [{"police_reference": "WM/10", "incident_date": "2025-01-02", "victim_name": "A B", "address": "x",
             "children_in_household": "Y", "dash_risk": "standard"}]
    assert notifications_receive(actor=police, rows=rows, first_row=1).rows_accepted == 1
    with pytest.raises(PermissionDenied):
        notifications_receive(actor=partner, rows=rows)
    again = notifications_receive(actor=police, rows=rows, first_row=1)
    assert again.errors == [{"row": 1, "column": "police_reference", "message": "WM/10 has already been received"}]


def _notification(**changes):
    values = {"police_reference": "WM/77", "incident_date": timezone.localdate(), "received_at": timezone.now(),
              "received_on": timezone.localdate(), "victim_name": "Sam Example", "address": "1 Test Street",
              "children_reported": "Y", "police_risk": "medium"}
    return DomesticAbuseNotification.objects.create(**{**values, **changes})


def test_a_notification_with_no_children_is_closed_as_such_and_still_counted(screener):
    n = notification_triage(actor=screener, notification=_notification(), expected_version=1, risk_level="standard",
                            children_present=False)
    assert n.status == NotificationStatus.CLOSED_NO_CHILDREN and DomesticAbuseNotification.objects.count() == 1
    month = notification_funnel(today=timezone.localdate())[-1]
    assert (month.notifications, month.triaged) == (1, 1)


def test_high_risk_needs_marac_and_a_contact(screener):
    with pytest.raises(ValidationError) as refused:
        notification_triage(actor=screener, notification=_notification(), expected_version=1, risk_level="high",
                            children_present=True)
    assert set(refused.value.message_dict) == {"raise_contact", "marac_referred"}


def test_triage_raises_a_contact_dated_from_the_notification_and_the_funnel_follows_it(screener, child, manager):
    received = timezone.now() - timedelta(hours=3)
    n = notification_triage(actor=screener, notification=_notification(received_at=received), expected_version=1,
                            risk_level="high", children_present=True, raise_contact=True, marac_referred=True)
    contact = n.contact
    assert contact.channel == "police_notification" and contact.source == "6" and contact.received_at == received
    contact.people.create(role="child", first_name="Ruby", last_name="Example")
    contact_person_link(actor=screener, contact=contact, expected_version=contact.version,
                        mention=contact.people.get(), person=child)
    decide(screener, contact, outcome="strategy", level_name="Child protection", primary_need="N1")
    marac_record(actor=screener, notification=n, expected_version=n.version, marac_date=timezone.localdate(),
                 outcome="action_plan")
    month = notification_funnel(today=timezone.localdate())[-1]
    assert (month.notifications, month.triaged, month.assessed, month.coordinated) == (1, 1, 1, 1)
    assert level("Child protection").allows("strategy")
