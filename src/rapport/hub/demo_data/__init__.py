"""Deterministic demo data: a French sports, fashion and jewelry retailer with stores in France and
Belgium, its catalog, stock, and customers with a multi-year, cross-channel history.

``generate(SeedConfig(seed, customers, now))`` yields ``(entity_name, rows)`` batches in dependency
order; the hub loads them. The same config gives byte-identical rows: every random choice comes from a
``random.Random`` seeded from the config (one stream per customer, so memory stays flat and customer
``i`` does not depend on how many come after it), and every timestamp is relative to ``config.now``.

The catalog (stores, products, variants) is the same for every seed, so demos and tests can name
products; stock levels and customers depend on the seed. Four story customers (``STORY_CUSTOMERS``)
are always present, with fixed ids and facts, and count toward ``customers``.

Json columns are fresh Python lists and dicts per row. A consent entry is
``{"status": "granted"|"denied"|"unknown", "source": str|None, "effective_at": ts|None}``; unknown
consent has no source or time.

Modules, by topic: ``world`` (the config and the state every customer is drawn against),
``common`` (time, ids, weighted picks), ``stores``, ``catalog``, ``customers`` (profile and row),
``identities`` and ``phones``, ``orders``, ``web`` (sessions), ``interactions``, ``campaigns``,
``stories`` (the four story customers), ``generator`` (:func:`generate`). The package belongs to
the hub (which loads it) and, like the hub, imports no client code.
"""

from rapport.hub.demo_data.generator import BATCH_ROWS, generate
from rapport.hub.demo_data.stores import AGENT_IDS
from rapport.hub.demo_data.stories import STORY_CUSTOMERS
from rapport.hub.demo_data.world import SeedConfig

__all__ = ["AGENT_IDS", "BATCH_ROWS", "STORY_CUSTOMERS", "SeedConfig", "generate"]
