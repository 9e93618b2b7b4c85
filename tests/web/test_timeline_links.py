"""Entries link to the pages of their participants and of their venue's country."""

from django.urls import reverse


def test_participants_and_venue_country_link_to_their_pages(analyst_client, timeline):
    xi = timeline["actors"]["xi"]

    html = analyst_client.get(reverse("events:meeting-list")).text

    assert f'<li><a href="/actors/{xi.pk}/">Xi Jinping</a> <abbr' in html
    assert 'Moscow, <a href="/countries/RU/">Russia</a>' in html
