"""Login throttling: wrong passwords in a row lock the user name out on both login forms."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings


def wrong_passwords(client, url: str, username: str, count: int) -> list[int]:
    return [
        client.post(url, {"username": username, "password": f"wrong-{n}"}).status_code
        for n in range(count)
    ]


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, editor_user, url):
    statuses = wrong_passwords(client, url, "edith", settings.AXES_FAILURE_LIMIT + 15)

    # Refused as a wrong password until the limit, then locked out.
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT :]) == {429}
    page = client.post(url, {"username": "edith", "password": "edith-password"})
    assert page.status_code == 429
    assert "Too many failed logins" in page.text
    assert f"After {settings.AXES_FAILURE_LIMIT} wrong passwords" in page.text
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_shared_by_both_login_forms(client, editor_user):
    wrong_passwords(client, "/accounts/login/", "edith", settings.AXES_FAILURE_LIMIT)

    page = client.post("/admin/login/", {"username": "edith", "password": "edith-password"})

    assert page.status_code == 429


def test_a_right_password_before_the_limit_logs_in_and_resets_the_count(client, editor_user):
    wrong_passwords(client, "/accounts/login/", "edith", settings.AXES_FAILURE_LIMIT - 1)

    page = client.post("/accounts/login/", {"username": "edith", "password": "edith-password"})

    assert page.status_code == 302
    assert not AccessAttempt.objects.filter(username="edith", failures_since_start__gt=0).exists()


def test_another_user_is_not_locked_out_by_someone_elses_failures(
    client, editor_user, analyst_user
):
    wrong_passwords(client, "/accounts/login/", "edith", settings.AXES_FAILURE_LIMIT - 1)
    # A different address: the address's own count must not decide this test.
    other = client.post(
        "/accounts/login/",
        {"username": "anna", "password": "anna-password"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 302
