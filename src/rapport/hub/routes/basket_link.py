"""``GET /b/{token}``: the page a customer opens from a basket sent to them. No sign-in: the token
(192 random bits) is the key; anything else is a plain 404."""

from __future__ import annotations

import html
import re
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from rapport.hub.mutations.basket import get_basket, money_text
from rapport.hub.service import Hub
from rapport.hub.store.schema import entity_tables

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_basket = entity_tables["basket"]
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}
_NOT_FOUND = "<!doctype html><title>Not found</title><p>This link is not valid or has expired.</p>"


def _pay(basket: dict[str, Any], store: str | None, checkout: str | None) -> str:
    esc = html.escape
    total = esc(money_text(int(basket.get("total") or 0), basket.get("currency")))
    if basket.get("status") == "converted":
        return "<p class=done>This basket has been paid. Thank you!</p>"
    if checkout:
        return f'<a class=pay href="{esc(checkout)}" rel="noopener noreferrer">Pay {total}</a>'
    where = f" at {esc(store)}" if store else " in store"
    return (
        f"<p class=how>To pay, reply to the message this link came in, or pay{where}: "
        "we keep these items for you.</p>"
    )


def _page(basket: dict[str, Any], store: str | None, checkout: str | None = None) -> str:
    esc = html.escape
    cur = basket.get("currency")
    rows = "".join(
        "<tr><td>{name}<br><small>{detail}</small></td><td class=n>{qty}</td>"
        "<td class=n>{price}</td></tr>".format(
            name=esc(str(line.get("name") or "")),
            detail=esc(", ".join(str(x) for x in (line.get("size"), line.get("color")) if x)),
            qty=int(line.get("quantity") or 0),
            price=esc(
                money_text(int(line.get("unit_price") or 0) * int(line.get("quantity") or 0), cur)
            ),
        )
        for line in basket.get("lines") or []
    )
    shipping = int(basket.get("shipping") or 0)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Your basket</title>
<style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem}}
table{{width:100%;border-collapse:collapse}}td{{padding:.5rem 0;border-bottom:1px solid #ccc}}
.n{{text-align:right;white-space:nowrap;padding-left:1rem}}
.pay{{display:block;text-align:center;font-size:1.2rem;padding:1rem;margin-top:1.5rem;
background:#1a5fb4;color:#fff;text-decoration:none;border-radius:.4rem}}
.how,.done{{margin-top:1.5rem;font-size:1.05rem}}</style></head>
<body><h1>Your basket</h1>{f"<p>Prepared for you at {esc(store)}.</p>" if store else ""}
<table>{rows}
<tr><td>Shipping</td><td></td><td class=n>{"Free" if shipping == 0 else esc(money_text(shipping, cur))}</td></tr>
<tr><td><strong>Total</strong></td><td></td><td class=n id=total><strong>{esc(money_text(int(basket.get("total") or 0), cur))}</strong></td></tr>
</table>
{_pay(basket, store, checkout)}
</body></html>"""  # fmt: skip


class LearnPublicUrl:
    """Pure ASGI (no cost on streaming or long polls): until the hub is told its public address
    (``RAPPORT_PUBLIC_URL``), links point where the devices reach it: the local address of their
    connection, never the Host header a client could forge."""

    def __init__(self, app: Any, hub: Hub) -> None:
        self.app = app
        self.hub = hub

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.hub.outbound.public_url is None:
            server = scope.get("server")
            if server and server[1]:
                host = f"[{server[0]}]" if ":" in str(server[0]) else str(server[0])
                self.hub.outbound.public_url = f"{scope.get('scheme', 'http')}://{host}:{server[1]}"
        await self.app(scope, receive, send)


def router(hub: Hub) -> APIRouter:
    r = APIRouter()

    @r.get("/b/{token}", tags=["baskets"], summary="A sent basket's page (the link is the key)",
             response_class=HTMLResponse, include_in_schema=True)  # fmt: skip
    def basket_page(token: str) -> Response:
        if not _TOKEN.match(token):
            return HTMLResponse(_NOT_FOUND, 404, headers=_HEADERS)
        with hub.engine.connect() as conn:
            found = conn.execute(
                select(_basket.c.id, _basket.c.link).where(
                    _basket.c.link.endswith(f"/b/{token}", autoescape=True)
                )
            ).all()
            ids = [bid for bid, link in found if link.rsplit("/b/", 1)[-1] == token]
            basket = get_basket(conn, ids[0]) if len(ids) == 1 else None
            store = None
            if basket is not None and basket.get("store_id"):
                stores = entity_tables["store"]
                store = conn.execute(
                    select(stores.c.name).where(stores.c.id == basket["store_id"])
                ).scalar_one_or_none()
        # "queued": the message is on its way, and its link may be opened before the hub has
        # recorded that the provider took it.
        if basket is None or basket.get("status") not in ("queued", "sent", "converted"):
            return HTMLResponse(_NOT_FOUND, 404, headers=_HEADERS)
        payable = basket.get("status") in ("queued", "sent")
        checkout = hub.payments.checkout_url(basket) if payable else None
        return HTMLResponse(_page(basket, store, checkout), headers=_HEADERS)

    return r
