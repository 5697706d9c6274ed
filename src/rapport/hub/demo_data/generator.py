"""The entry point: :func:`generate` yields the data set in batches, in dependency order."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from rapport.hub.demo_data.catalog import inventory_rows, product_rows, variant_rows
from rapport.hub.demo_data.customers import customer_row, draw_customer
from rapport.hub.demo_data.identities import add_identities
from rapport.hub.demo_data.stores import store_rows
from rapport.hub.demo_data.stories import SCENES, STORIES
from rapport.hub.demo_data.world import SeedConfig, World

BATCH_ROWS = 5_000
BLOCK_CUSTOMERS = 250
_CUSTOMER_ENTITIES = ("customer", "identity", "interaction", "web_event", "order", "offer")


def generate(config: SeedConfig) -> Iterator[tuple[str, list[dict]]]:
    """Yields ``(entity_name, rows)`` batches of at most ``BATCH_ROWS`` rows in dependency order:
    store, product, variant, inventory, then customers in blocks (customer, identity, interaction,
    web_event, order, offer for a block, then the next block), so memory stays flat however many
    customers. Every row has exactly the entity's columns (``protocol.ENTITIES``)."""
    now = config.now
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("SeedConfig.now must be timezone-aware")
    if config.customers < len(STORIES):
        raise ValueError(f"customers must be at least {len(STORIES)}, the story customers")
    world = World(config)
    yield from _batches("store", store_rows())
    yield from _batches("product", product_rows(world.products))
    yield from _batches("variant", variant_rows(world.products))
    inventory = inventory_rows(world.products, world.categories, config.seed, world.now)
    yield from _stream_batches("inventory", inventory)
    yield from _customer_batches(world)


def _batches(name: str, rows: list[dict]) -> Iterator[tuple[str, list[dict]]]:
    for i in range(0, len(rows), BATCH_ROWS):
        yield name, rows[i : i + BATCH_ROWS]


def _stream_batches(name: str, rows: Iterable[dict]) -> Iterator[tuple[str, list[dict]]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH_ROWS:
            yield name, batch
            batch = []
    if batch:
        yield name, batch


def _customer_batches(world: World) -> Iterator[tuple[str, list[dict]]]:
    """Customers, the story customers first, each drawn from a random stream of their own (so
    customer ``i`` does not depend on how many come after it); their rows go out every
    ``BLOCK_CUSTOMERS`` customers."""
    rng = random.Random()
    block: dict[str, list[dict]] = {name: [] for name in _CUSTOMER_ENTITIES}
    customers, identities, interactions = block["customer"], block["identity"], block["interaction"]
    web_events, orders, offers = block["web_event"], block["order"], block["offer"]
    seed = world.config.seed
    for idx in range(world.config.customers):
        story = STORIES[idx] if idx < len(STORIES) else None
        rng.seed(f"rapport-story:{story.key}" if story else f"rapport-customer:{seed}:{idx}")
        c = draw_customer(world, idx, rng, story)
        if story is not None:
            SCENES[story.key](world, c, rng)
        add_identities(world, c, rng, story)
        customers.append(customer_row(world, c, rng, story))
        identities += c.identities
        interactions += c.interactions
        web_events += c.web_events
        orders += c.orders
        offers += c.offers
        if len(customers) == BLOCK_CUSTOMERS:
            for name in _CUSTOMER_ENTITIES:
                yield from _batches(name, block[name])
                block[name].clear()
    for name in _CUSTOMER_ENTITIES:
        yield from _batches(name, block[name])
