"""HTTP client of the hub. Every failure becomes one of three errors the sync engine understands."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from rapport import __version__
from rapport.protocol import DESK_ROLES


class HubError(Exception):
    """Base class: the hub could not be used for this request. ``code``: the hub's word for the
    kind of refusal (``invalid``, ``busy``, ``too_large`` ...), None when it gave none."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class AuthRequired(HubError):
    """401: the token is missing, expired or revoked. Sign in again; nothing local is lost."""


class HubUnavailable(HubError):
    """Network down, timeout, 5xx, or an answer that is not what the protocol promises."""

    def __init__(
        self, message: str, retry_after: float | None = None, code: str | None = None
    ) -> None:
        super().__init__(message, code)
        self.retry_after = retry_after


class Rejected(HubError):
    """4xx other than 401: the request itself is wrong; retrying the same thing will not help."""


# Kinds of refusal by the hub's ``code``; the HTTP status decides for an answer without one (an
# older hub, a proxy in between).
_SIGN_IN = frozenset({"unauthorized"})
_LATER = frozenset({"too_many_requests", "busy", "unavailable", "internal"})


@dataclass(frozen=True, slots=True)
class LoginResult:
    token: str
    expires_at: str
    user: dict[str, Any]


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, min(float(value), 3600.0))
    except ValueError:
        return None


class HubClient:
    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 15.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=5.0),
            headers={"User-Agent": f"rapport/{__version__}"},
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> HubClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _request(
        self,
        method: str,
        path: str,
        *,
        read_timeout: float | None = None,
        raw: bool = False,
        **kwargs: Any,
    ) -> Any:
        headers = kwargs.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if read_timeout is not None:
            kwargs["timeout"] = httpx.Timeout(read_timeout, connect=5.0)
        try:
            resp = await self._http.request(method, path, headers=headers, **kwargs)
        except httpx.TimeoutException as exc:
            raise HubUnavailable(f"the hub did not answer in time ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise HubUnavailable(f"cannot reach the hub at {self.base_url}") from exc
        status = resp.status_code
        if status >= 400:
            code, message = _refusal(resp)
            if code in _SIGN_IN or (code is None and status == 401):
                raise AuthRequired(message or "sign in again", code)
            if code in _LATER or (code is None and (status == 429 or status >= 500)):
                # Busy, too many wrong passwords, or an error with an id for IT: the hub says.
                raise HubUnavailable(
                    message or f"the hub answered {status}", _retry_after(resp), code
                )
            if status >= 500:
                raise HubUnavailable(message or f"the hub answered {status}", _retry_after(resp))
            raise Rejected(message or f"the hub refused the request ({status})", code)
        if raw:
            return resp.content
        try:
            return orjson.loads(resp.content)
        except orjson.JSONDecodeError as exc:
            raise HubUnavailable("the hub's answer is not valid JSON") from exc

    async def login(self, username: str, password: str) -> LoginResult:
        body = await self._request(
            "POST", "/v1/auth/login", json={"username": username, "password": password}
        )
        try:
            result = LoginResult(str(body["token"]), str(body["expires_at"]), dict(body["user"]))
        except (KeyError, TypeError) as exc:
            raise HubUnavailable("the hub's sign-in answer is malformed") from exc
        role = result.user.get("role")
        if role not in DESK_ROLES:
            # A service account (role "system") or a role of a newer hub: the app would show it
            # screens it may not use. End the session the hub just opened and say why.
            self.token = result.token
            with contextlib.suppress(HubError):
                await self._request("POST", "/v1/auth/logout")
            self.token = None
            if role == "system":
                raise Rejected(
                    "This is a service account for other systems (role system): it cannot sign "
                    "in to the desktop app. Sign in with your own account."
                )
            raise Rejected(
                f"This account's role ({str(role)[:32]!r}) is not one this version of the app "
                "knows: ask IT to check your account or update the app."
            )
        self.token = result.token
        return result

    async def logout(self) -> None:
        """End this token's session on the hub (best effort: an unreachable hub ends it at
        expiry)."""
        with contextlib.suppress(HubError):
            await self._request("POST", "/v1/auth/logout")
        self.token = None

    async def client_release(self) -> tuple[str, str] | None:
        """(version, download URL) the hub announces for the desktop app, or None."""
        body = await self._request("GET", "/v1/client/release")
        version = body.get("version") if isinstance(body, dict) else None
        if not isinstance(version, str) or not version:
            return None
        return version, str(body.get("download_url") or "")

    async def changes(
        self, cursor: str | None, limit: int, wait: float = 0, device: str | None = None
    ) -> dict[str, Any]:
        return decode_change_page(await self.changes_raw(cursor, limit, wait, device))

    async def changes_raw(
        self, cursor: str | None, limit: int, wait: float = 0, device: str | None = None
    ) -> bytes:
        """A change page as the hub sent it, undecoded: see :func:`decode_change_page`."""
        params: dict[str, Any] = {"limit": limit}
        if device:
            params["device"] = device
        if cursor:
            params["cursor"] = cursor
        if wait:
            params["wait"] = wait
        body: bytes = await self._request(
            "GET",
            "/v1/sync/changes",
            params=params,
            read_timeout=(wait + 15) if wait else None,
            raw=True,
        )
        return body

    async def push(
        self, device_id: str, schema_version: int, mutations: list[dict[str, Any]]
    ) -> dict[str, Any]:
        body = await self._request(
            "POST",
            "/v1/sync/push",
            json={"device_id": device_id, "schema_version": schema_version, "mutations": mutations},
        )
        if not isinstance(body, dict) or not isinstance(body.get("results"), list):
            raise HubUnavailable("the hub's push answer is malformed")
        for r in body["results"]:
            if not isinstance(r, dict) or not isinstance(r.get("client_seq"), int):
                raise HubUnavailable("the hub's push answer is malformed")
        return body

    async def subscribe(self, customer_id: str) -> list[dict[str, Any]]:
        body = await self._request("POST", "/v1/sync/subscribe", json={"customer_id": customer_id})
        changes = body.get("changes") if isinstance(body, dict) else None
        if not isinstance(changes, list):
            raise HubUnavailable("the hub's subscribe answer is malformed")
        return changes

    async def search(self, q: str, limit: int = 50) -> list[dict[str, Any]]:
        body = await self._request("GET", "/v1/customers/search", params={"q": q, "limit": limit})
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            raise HubUnavailable("the hub's search answer is malformed")
        return results


def decode_change_page(raw: bytes) -> dict[str, Any]:
    """A change page's body decoded and checked; :class:`HubUnavailable` when it is not one."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise HubUnavailable("the hub's answer is not valid JSON") from exc
    return check_change_page(body)


def check_change_page(body: Any) -> dict[str, Any]:
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("changes"), list)
        or not isinstance(body.get("cursor"), str)
    ):
        raise HubUnavailable("the hub's change page is malformed")
    return body


def _refusal(resp: httpx.Response) -> tuple[str | None, str | None]:
    """``(code, message)`` of the hub's ``{"code", "message", "detail"}``. ``message`` is for
    people; hubs before 0.9 sent only ``detail`` (a list of fields for a validation error)."""
    try:
        body = orjson.loads(resp.content)
    except orjson.JSONDecodeError:
        return None, None
    if not isinstance(body, dict):
        return None, None
    code = body.get("code")
    code = code if isinstance(code, str) and code else None
    message = body.get("message")
    if isinstance(message, str) and message:
        return code, message
    detail = body.get("detail")
    if isinstance(detail, str):
        return code, detail
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        return code, str(detail[0].get("msg"))
    return code, None
