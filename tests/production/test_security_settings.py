"""Production settings, the Content Security Policy, password reset and the health check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import DatabaseError

MANAGE_PY = Path(settings.BASE_DIR) / "manage.py"
PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
    "ALLOWED_HOSTS": "entente.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, str(MANAGE_PY), *args],
        env={**environment, **PROD_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_what_a_deployment_sets():
    result = manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_https_is_turned_off_without_a_proxy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", HTTPS="0")

    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "security.W008" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_pages_carry_a_content_security_policy_without_inline_code(analyst_client):
    page = analyst_client.get("/")

    policy = page["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "<script>" not in page.text
    assert " style=" not in page.text


@pytest.mark.parametrize(
    "url", ["/", "/articles/", "/articles/new/", "/articles/import/", "/accounts/login/"]
)
def test_no_page_has_inline_scripts_styles_or_event_handlers(editor_client, url):
    text = editor_client.get(url).text

    assert "<script>" not in text
    assert "<style" not in text
    assert " style=" not in text
    assert " onclick=" not in text


def test_password_reset_is_unavailable_without_a_mail_server(client, settings, editor_user):
    settings.PASSWORD_RESET_ENABLED = False

    login = client.get("/accounts/login/")
    page = client.post("/accounts/password_reset/", {"email": "edith@example.org"})

    assert "password_reset" not in login.text
    assert page.status_code == 404
    assert "Password reset is not available" in page.text
    assert mail.outbox == []


def test_password_reset_sends_a_message_with_a_mail_server(client, settings, editor_user):
    settings.PASSWORD_RESET_ENABLED = True
    editor_user.email = "edith@example.org"
    editor_user.save()

    login = client.get("/accounts/login/")
    page = client.post("/accounts/password_reset/", {"email": "edith@example.org"})

    assert "/accounts/password_reset/" in login.text
    assert page.status_code == 302
    assert [message.to for message in mail.outbox] == [["edith@example.org"]]


def test_health_answers_200_when_the_database_answers(client, db):
    page = client.get("/health")

    assert page.status_code == 200
    assert page.json() == {"status": "ok", "database": "ok"}


class UnreachableDatabase:
    def cursor(self):
        raise DatabaseError("connection refused")


def test_health_answers_503_when_the_database_does_not(client, db, monkeypatch):
    monkeypatch.setattr("config.views.connection", UnreachableDatabase())

    page = client.get("/health")

    assert page.status_code == 503
    assert page.json()["status"] == "unavailable"
