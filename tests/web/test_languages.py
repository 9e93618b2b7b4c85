"""The interface in English and Indonesian; extracted content stays as it was extracted."""

from django.urls import reverse

from tests.factories import make_actor, make_meeting


def test_switching_to_indonesian_translates_the_interface_not_the_content(analyst_client, db):
    make_meeting(
        title="Envoy Ana visits Jakarta",
        kind="visit",
        participants=[make_actor("Envoy Ana", country="SY")],
    )
    timeline = reverse("events:meeting-list")
    english = analyst_client.get(timeline).text
    assert "January 2026" in english and "Visit" in english

    response = analyst_client.post(reverse("set_language"), {"language": "id", "next": timeline})
    assert response.status_code == 302
    indonesian = analyst_client.get(timeline).text
    assert '<html lang="id">' in indonesian
    assert "Linimasa" in indonesian
    assert "Januari 2026" in indonesian  # month names localised
    assert "Kunjungan" in indonesian  # the kind, as the interface names it
    assert "Envoy Ana visits Jakarta" in indonesian  # the title stays as extracted
    assert "Pertemuan mendatang" in analyst_client.get(reverse("events:upcoming")).text


def test_the_switch_is_on_the_login_page(client, db):
    page = client.get(reverse("login")).text
    assert reverse("set_language") in page
    assert "Bahasa Indonesia" in page
