"""Where a sent basket's Pay button leads: a payment provider's hosted checkout.

No provider is built in: IT sets ``RAPPORT_PAYMENT_URL`` to the checkout address their provider
gives for a payment link, with ``{basket_id}``, ``{amount}`` (minor units), ``{currency}`` and
``{reference}`` filled in per basket. Without one, the basket page says how to pay instead of
showing a button that does nothing."""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import quote

FIELDS = frozenset({"basket_id", "amount", "currency", "reference"})


class PaymentLinks(Protocol):
    def checkout_url(self, basket: Mapping[str, Any]) -> str | None: ...


class TemplateCheckout:
    """A provider's payment-link address with the basket's values in it (URL-encoded)."""

    def __init__(self, template: str) -> None:
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        unknown = names - FIELDS
        if unknown or not template.startswith("https://"):
            raise ValueError(
                "RAPPORT_PAYMENT_URL must be an https:// address using only "
                f"{{{'}, {'.join(sorted(FIELDS))}}}"
                + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else "")
            )
        self.template = template

    def checkout_url(self, basket: Mapping[str, Any]) -> str | None:
        values = {
            "basket_id": str(basket.get("id") or ""),
            "amount": str(int(basket.get("total") or 0)),
            "currency": str(basket.get("currency") or ""),
            "reference": f"rapport-{basket.get('id')}",
        }
        return self.template.format(**{k: quote(v, safe="") for k, v in values.items()})


class NoCheckout:
    def checkout_url(self, basket: Mapping[str, Any]) -> str | None:
        return None


def from_env(env: Mapping[str, str] | None = None) -> PaymentLinks:
    template = (env if env is not None else os.environ).get("RAPPORT_PAYMENT_URL", "").strip()
    return TemplateCheckout(template) if template else NoCheckout()
