"""What the articles app tells others, without knowing who listens.

`articles` imports nothing from `events`; `events` connects to these in its AppConfig.ready
(events.receivers) to queue extraction and to withdraw what an article said.
"""

from django.dispatch import Signal

# A new article was stored; sent inside the transaction that stores it. Arguments: article.
article_stored = Signal()

# An article is about to be deleted (article_delete), inside the deleting transaction.
# Arguments: article.
article_deleting = Signal()
