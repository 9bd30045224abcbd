"""IAM Roles Anywhere (``rolesanywhere``) for eksup's moto emulator; moto 5.2.5 has no such service.

eksup creates, for EKS Hybrid Nodes with ``remoteNetworkConfig.iam.provider: IRA``, what eksctl
creates (``pkg/cfn/builder/iam.go``, ``addIAMRolesAnywhere``): a trust anchor whose source is the
user's CA certificate (``CERTIFICATE_BUNDLE``), an IAM role trusted by ``rolesanywhere.amazonaws.com``
and a profile that may assume it, all tagged; it finds them again by their tags and deletes them.
This module is a small moto service for that: its state lives in a moto ``BackendDict`` (per account
and Region), so ``POST /moto-api/reset`` clears it like every other service's.

How requests reach it. moto's server picks a backend from the SigV4 credential scope's service
name: ``rolesanywhere`` becomes the host ``rolesanywhere.<region>.amazonaws.com``, matched against
``moto.backend_index.backend_url_patterns``; the backend named there is loaded with
``importlib.import_module("moto.<name>")`` and its ``url_paths`` become Flask routes. ``install()``
appends ``rolesanywhere`` to that pattern list and registers this module as ``moto.rolesanywhere``
in ``sys.modules`` (nothing of moto is patched). ``eksup_moto.TestControl`` sits in front of it as
for every other service: ``operation_of`` names calls ``rolesanywhere:CreateTrustAnchor`` etc. through
moto's botocore-model router (REST-JSON: method + path), faults and the call log work unchanged.

The API (REST-JSON, botocore's ``rolesanywhere/2018-05-10/service-2.json``; AWS's API reference
https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/):

* **CreateTrustAnchor** ``POST /trustanchors`` (201) ``{"trustAnchor": TrustAnchorDetail}``: a UUID
  ``trustAnchorId``, ``trustAnchorArn`` ``arn:aws:rolesanywhere:<region>:<account>:trust-anchor/<id>``,
  ``enabled`` (default false), ``createdAt``/``updatedAt`` (ISO 8601 with microseconds, as CloudTrail
  shows AWS's answers), the default notification settings (CA and end-entity certificate expiry,
  45 days, channel ALL, configured by ``rolesanywhere.amazonaws.com``; from AWS's user guide
  "Notifications", recalled, UNVERIFIED here). Names need not be unique (AWS allows duplicates).
* **GetTrustAnchor / DeleteTrustAnchor** ``GET|DELETE /trustanchor/{id}``: the id, the ARN or the alias
  ARN; delete answers the deleted anchor. **EnableTrustAnchor / DisableTrustAnchor**
  ``POST /trustanchor/{id}/enable|disable``. **UpdateTrustAnchor** ``PATCH /trustanchor/{id}``
  (name, source, crlDpRevocationEnabled, aliasName; the source is validated as on create).
* **ListTrustAnchors** ``GET /trustanchors?pageSize=&nextToken=`` in creation order; ``nextToken`` is
  opaque, present while more remain; default page size 50 (UNVERIFIED).
* **CreateProfile** ``POST /profiles`` (201) ``{"profile": ProfileDetail}``: ``profileId``,
  ``profileArn`` ``...:profile/<id>``, ``createdBy`` (the caller's ARN, as moto's STS names it),
  ``durationSeconds`` (default 3600, "if this value is not provided, the default value will be
  3600"), ``enabled`` (default false), ``acceptRoleSessionName`` and ``requireInstanceProperties``
  (default false), ``managedPolicyArns`` (default []), the default ``attributeMappings`` AWS returns
  (x509Subject ``*``, x509Issuer ``*``, x509SAN ``DNS``/``URI``/``Name``, as CloudTrail records
  of CreateProfile show). **GetProfile / DeleteProfile / EnableProfile / DisableProfile /
  UpdateProfile** ``/profile/{id}[/enable|/disable]``; **ListProfiles** ``GET /profiles`` as above.
* **TagResource** ``POST /TagResource`` (201), **UntagResource** ``POST /UntagResource``,
  **ListTagsForResource** ``GET /ListTagsForResource?resourceArn=``: on trust anchor and profile
  ARNs; the tags given at create are listed; TagResource overwrites a key's value.
* Other operations (CRLs, subjects, attribute mappings, notification settings) answer HTTP 501
  ``NotImplemented`` ("... is not emulated by eksup's emulator") rather than a fake success.

Refusals, in AWS's order (input validation first, then the resource lookup):

* **Input validation from the model** (``_validate``: required members, string length and pattern,
  list length, integer range, enums), in AWS's (Coral) wording, all in one ValidationException (400):
  "1 validation error detected: Value 'x!' at 'name' failed to satisfy constraint: Member must
  satisfy regular expression pattern: [ a-zA-Z0-9-_]*"; "Value null at 'name' failed to satisfy
  constraint: Member must not be null"; "Value '43200' at 'durationSeconds' failed to satisfy
  constraint: Member must have value less than or equal to 3600" is the wording AWS gave in a public
  report (DataDog/stratus-red-team#331; the limit is 43200 now). Elements of a list of structures
  are named ``tags.1.member.key``; a list of strings reports "Member must satisfy constraint:
  [...]" (Coral's usual form; UNVERIFIED for this service). Tag keys and values are ``sensitive`` in
  the model, so their value is not echoed ("Value at 'tags.1.member.key' ..."; UNVERIFIED). So:
  names of 1-255 characters of ``[ a-zA-Z0-9-_]``; more than 200 tags; tag keys of 1-128 and values
  of 0-256 characters of ``[ a-zA-Z0-9_.:/=+@-]``; ``roleArns`` matching
  ``arn:aws(-[^:]+)?:iam(:.*){2}(:role.*)`` (at most 250); durationSeconds 900-43200; a malformed id
  in the path. Botocore checks required members and minimums on the client side too, the Rust SDK
  only required members.
* **Trust anchor source** (ValidationException): ``sourceData`` must carry exactly what
  ``sourceType`` needs: CERTIFICATE_BUNDLE ``x509CertificateData``, AWS_ACM_PCA ``acmPcaArn``;
  ``x509CertificateData`` must be PEM X.509 certificate(s) that parse, each a CA certificate
  (basicConstraints CA=true), as AWS's user guide requires of a trust anchor's CA ("Trust model": the
  trust anchor is a CA certificate); the wordings are UNVERIFIED (AWS does not document them).
  An ``acmPcaArn`` that is not a Private CA of moto's ``acm-pca`` backend in this account and Region
  -> "Error creating TrustAnchor. Given AWS PCA did not allow get request." (AWS's wording in
  crossplane-contrib/provider-upjet-aws#545). ``SELF_SIGNED_REPOSITORY`` is not accepted (UNVERIFIED).
* **Profiles' roles**: only the ARN pattern is checked. AWS's documentation does not say that
  CreateProfile checks that the roles exist, and no public report shows it refusing a missing role,
  so none is required to exist in moto's IAM (as on AWS, as far as known).
* **Unknown id or ARN** (a well-formed one) on Get/Delete/Enable/Disable/Update ->
  ResourceNotFoundException (HTTP 404) "Trust anchor not found" / "Profile not found"; TagResource,
  UntagResource and ListTagsForResource on an ARN that is no trust anchor or profile of this account
  and Region -> ResourceNotFoundException "Resource not found" (wordings UNVERIFIED).
* **TagResource** that would leave more than 200 tags on the resource -> TooManyTagsException (400)
  (the model lists it for TagResource; wording UNVERIFIED).
* A body member of the wrong JSON type -> SerializationException (400), as AWS's JSON services do.
"""

from __future__ import annotations

import base64
import json
import re
import sys
import uuid
from datetime import datetime, timezone
from typing import Any

from moto.core.base_backend import BackendDict, BaseBackend
from moto.core.responses import BaseResponse

SERVICE = "rolesanywhere"
DEFAULT_PAGE_SIZE = 50  # UNVERIFIED: AWS does not document ListTrustAnchors' default page size
MAX_TAGS = 200
DEFAULT_DURATION_SECONDS = 3600
DEFAULT_NOTIFICATION_SETTINGS = [
    {"enabled": True, "event": "CA_CERTIFICATE_EXPIRY", "threshold": 45, "channel": "ALL",
     "configuredBy": "rolesanywhere.amazonaws.com"},
    {"enabled": True, "event": "END_ENTITY_CERTIFICATE_EXPIRY", "threshold": 45, "channel": "ALL",
     "configuredBy": "rolesanywhere.amazonaws.com"},
]
DEFAULT_ATTRIBUTE_MAPPINGS = [
    {"certificateField": "x509Subject", "mappingRules": [{"specifier": "*"}]},
    {"certificateField": "x509Issuer", "mappingRules": [{"specifier": "*"}]},
    {"certificateField": "x509SAN", "mappingRules": [{"specifier": "DNS"}, {"specifier": "URI"}, {"specifier": "Name"}]},
]
# Operations served here; any other modelled operation answers NotImplemented (501).
EMULATED = {
    "CreateTrustAnchor", "GetTrustAnchor", "ListTrustAnchors", "UpdateTrustAnchor", "DeleteTrustAnchor",
    "EnableTrustAnchor", "DisableTrustAnchor", "CreateProfile", "GetProfile", "ListProfiles", "UpdateProfile",
    "DeleteProfile", "EnableProfile", "DisableProfile", "TagResource", "UntagResource", "ListTagsForResource",
}


class RolesAnywhereError(Exception):
    """An AWS error of this REST-JSON service: code in ``x-amzn-ErrorType``, ``{"message"}`` body."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def validation(message: str) -> RolesAnywhereError:
    return RolesAnywhereError("ValidationException", message)


# ---------------------------------------------------------------------------------------
# Input validation from botocore's model, in AWS's (Coral) wording.
# ---------------------------------------------------------------------------------------
_MODEL: Any = None


def service_model() -> Any:
    global _MODEL
    if _MODEL is None:
        import botocore.session

        _MODEL = botocore.session.get_session().get_service_model(SERVICE)
    return _MODEL


def _shown(value: Any) -> str:
    """A value as Coral prints it (Java's toString)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return str(value)


def _constraints(shape: Any, value: Any) -> list[str]:
    """The constraints a scalar or list value breaks (without its members)."""
    meta = shape.metadata
    broken = []
    if shape.type_name in ("string", "list"):
        if "min" in meta and len(value) < meta["min"]:
            broken.append(f"Member must have length greater than or equal to {meta['min']}")
        if "max" in meta and len(value) > meta["max"]:
            broken.append(f"Member must have length less than or equal to {meta['max']}")
    if shape.type_name == "string":
        if "pattern" in meta and not re.fullmatch(meta["pattern"], value, re.DOTALL):
            broken.append(f"Member must satisfy regular expression pattern: {meta['pattern']}")
        if shape.enum and value not in shape.enum:
            broken.append(f"Member must satisfy enum value set: [{', '.join(shape.enum)}]")
    if shape.type_name == "integer":
        if "min" in meta and value < meta["min"]:
            broken.append(f"Member must have value greater than or equal to {meta['min']}")
        if "max" in meta and value > meta["max"]:
            broken.append(f"Member must have value less than or equal to {meta['max']}")
    return broken


_JSON_TYPES = {"string": str, "integer": int, "boolean": bool, "list": list, "structure": dict, "timestamp": (str, int, float)}


def _validate(shape: Any, value: Any, path: str, errors: list[str]) -> None:
    expected = _JSON_TYPES.get(shape.type_name)
    if expected and (not isinstance(value, expected) or (shape.type_name == "integer" and isinstance(value, bool))):
        raise RolesAnywhereError("SerializationException", f"Unexpected value type for '{path}'")  # wording UNVERIFIED
    sensitive = shape.metadata.get("sensitive")

    def report(broken: list[str]) -> None:
        for constraint in broken:
            head = f"Value at '{path}'" if sensitive else f"Value '{_shown(value)}' at '{path}'"
            errors.append(f"{head} failed to satisfy constraint: {constraint}")

    if shape.type_name == "structure":
        for name in shape.required_members:
            if value.get(name) is None:
                errors.append(f"Value null at '{_join(path, name)}' failed to satisfy constraint: Member must not be null")
        for name, member in shape.members.items():
            if value.get(name) is not None and member.serialization.get("location") is None:
                _validate(member, value[name], _join(path, name), errors)
        return
    report(_constraints(shape, value))
    if shape.type_name == "list":
        member = shape.member
        if member.type_name == "structure":
            for i, item in enumerate(value, 1):
                _validate(member, item, f"{path}.{i}.member", errors)
        else:
            inner: list[str] = []
            for item in value:
                if not isinstance(item, _JSON_TYPES.get(member.type_name, object)):
                    raise RolesAnywhereError("SerializationException", f"Unexpected value type for '{path}'")
                inner += [c for c in _constraints(member, item) if c not in inner]
            if inner:
                report([f"Member must satisfy constraint: [{', '.join(inner)}]"])


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def validate_input(operation: str, body: dict[str, Any], uri: dict[str, Any], query: dict[str, Any]) -> None:
    """AWS's model validation of an operation's whole input: one ValidationException listing all."""
    shape = service_model().operation_model(operation).input_shape
    errors: list[str] = []
    if shape is not None:
        for name in shape.required_members:
            member = shape.members[name]
            where = member.serialization.get("location")
            source = uri if where == "uri" else query if where == "querystring" else body
            if source.get(member.serialization.get("name", name)) is None:
                errors.append(f"Value null at '{name}' failed to satisfy constraint: Member must not be null")
        for name, member in shape.members.items():
            where = member.serialization.get("location")
            if where in ("uri", "querystring"):
                raw = (uri if where == "uri" else query).get(member.serialization.get("name", name))
                if raw is None:
                    continue
                if member.type_name == "integer":
                    try:
                        raw = int(raw)
                    except ValueError:
                        errors.append(f"Value '{raw}' at '{name}' failed to satisfy constraint: Member must be a number")  # UNVERIFIED
                        continue
                _validate(member, raw, name, errors)
            elif body.get(name) is not None:
                _validate(member, body[name], name, errors)
    if errors:
        count = len(errors)
        raise validation(f"{count} validation error{'s' if count > 1 else ''} detected: " + "; ".join(errors))


# ---------------------------------------------------------------------------------------
# Certificates.
# ---------------------------------------------------------------------------------------
def check_ca_bundle(pem: str) -> None:
    """``x509CertificateData``: PEM certificate(s) that parse, each a CA (basicConstraints CA=true)."""
    from cryptography import x509

    try:
        certificates = x509.load_pem_x509_certificates(pem.encode("utf-8"))
    except ValueError:
        # UNVERIFIED wording: AWS does not document it.
        raise validation("Invalid x509CertificateData: unable to parse it as a PEM-encoded X.509 certificate") from None
    for certificate in certificates:
        try:
            constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
            is_ca = constraints.ca
        except x509.ExtensionNotFound:
            is_ca = False
        if not is_ca:
            # UNVERIFIED wording: AWS does not document it.
            raise validation("Invalid x509CertificateData: the certificate is not a CA certificate "
                             "(its basicConstraints extension must have CA set to true)")


def check_source(source: dict[str, Any], account: str, region: str) -> None:
    """A trust anchor's ``source``: its data matches its type (wordings UNVERIFIED but the PCA one)."""
    kind = source.get("sourceType")
    data = source.get("sourceData") or {}
    if kind is None:
        raise validation("1 validation error detected: Value null at 'source.sourceType' failed to satisfy constraint: Member must not be null")
    if len([k for k, v in data.items() if v is not None]) != 1:
        raise validation("Invalid sourceData: exactly one of x509CertificateData and acmPcaArn must be set")
    if kind == "CERTIFICATE_BUNDLE":
        if data.get("x509CertificateData") is None:
            raise validation("Invalid sourceData: a trust anchor of type CERTIFICATE_BUNDLE requires x509CertificateData")
        check_ca_bundle(data["x509CertificateData"])
    elif kind == "AWS_ACM_PCA":
        if data.get("acmPcaArn") is None:
            raise validation("Invalid sourceData: a trust anchor of type AWS_ACM_PCA requires acmPcaArn")
        if not _pca_exists(data["acmPcaArn"], account, region):
            raise validation("Error creating TrustAnchor. Given AWS PCA did not allow get request.")
    else:
        raise validation(f"Unsupported sourceType: {kind}")


def _pca_exists(arn: str, account: str, region: str) -> bool:
    try:
        from moto.acmpca.models import acmpca_backends

        return arn in acmpca_backends[account][region].certificate_authorities
    except Exception:  # noqa: BLE001 - no such region, or moto's internals moved: not found
        return False


# ---------------------------------------------------------------------------------------
# The backend (state per account and Region; BackendDict resets it with /moto-api/reset).
# ---------------------------------------------------------------------------------------
def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class RolesAnywhereBackend(BaseBackend):
    """Trust anchors and profiles of one account and Region."""

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.trust_anchors: dict[str, dict[str, Any]] = {}  # id -> TrustAnchorDetail (creation order)
        self.profiles: dict[str, dict[str, Any]] = {}  # id -> ProfileDetail
        self.tags: dict[str, dict[str, str]] = {}  # resource ARN -> {key: value} (insertion order)

    @property
    def _url_module(self) -> Any:  # moto reads url_bases / url_paths from it
        return sys.modules[__name__]

    def _arn(self, kind: str, ident: str) -> str:
        return f"arn:{self.partition}:rolesanywhere:{self.region_name}:{self.account_id}:{kind}/{ident}"

    # -- lookups ------------------------------------------------------------------------
    def _find(self, store: dict[str, dict[str, Any]], kind: str, ident: str, what: str) -> dict[str, Any]:
        for item in store.values():
            if ident in (item[f"{kind}Id"], item[f"{kind}Arn"], item.get("aliasArn")):
                return item
        raise RolesAnywhereError("ResourceNotFoundException", f"{what} not found", 404)  # wording UNVERIFIED

    def trust_anchor(self, ident: str) -> dict[str, Any]:
        return self._find(self.trust_anchors, "trustAnchor", ident, "Trust anchor")

    def profile(self, ident: str) -> dict[str, Any]:
        return self._find(self.profiles, "profile", ident, "Profile")

    def _resource_arn(self, arn: str) -> str:
        for item in list(self.trust_anchors.values()) + list(self.profiles.values()):
            if arn in (item.get("trustAnchorArn"), item.get("profileArn")):
                return arn
        raise RolesAnywhereError("ResourceNotFoundException", "Resource not found", 404)  # wording UNVERIFIED

    def _alias(self, item: dict[str, Any], kind: str, alias: str | None) -> None:
        if alias is None:
            return
        if alias:
            item["aliasName"] = alias
            item["aliasArn"] = self._arn(f"alias/{kind}", alias)
        else:  # an empty alias removes it
            item.pop("aliasName", None)
            item.pop("aliasArn", None)

    # -- trust anchors ------------------------------------------------------------------
    def create_trust_anchor(self, body: dict[str, Any]) -> dict[str, Any]:
        check_source(body["source"], self.account_id, self.region_name)
        ident = str(uuid.uuid4())
        now = _now()
        anchor = {
            "trustAnchorId": ident,
            "trustAnchorArn": self._arn("trust-anchor", ident),
            "name": body["name"],
            "source": {"sourceType": body["source"]["sourceType"], "sourceData": dict(body["source"]["sourceData"])},
            "enabled": bool(body.get("enabled", False)),
            "crlDpRevocationEnabled": bool(body.get("crlDpRevocationEnabled", False)),
            "createdAt": now,
            "updatedAt": now,
            "notificationSettings": _notification_settings(body.get("notificationSettings")),
        }
        self._alias(anchor, "trust-anchor", body.get("aliasName"))
        self.trust_anchors[ident] = anchor
        self.tags[anchor["trustAnchorArn"]] = {t["key"]: t["value"] for t in body.get("tags") or []}
        return anchor

    def update_trust_anchor(self, ident: str, body: dict[str, Any]) -> dict[str, Any]:
        anchor = self.trust_anchor(ident)
        if body.get("source") is not None:
            check_source(body["source"], self.account_id, self.region_name)
            anchor["source"] = {"sourceType": body["source"]["sourceType"], "sourceData": dict(body["source"]["sourceData"])}
        for key in ("name", "crlDpRevocationEnabled"):
            if body.get(key) is not None:
                anchor[key] = body[key]
        self._alias(anchor, "trust-anchor", body.get("aliasName"))
        anchor["updatedAt"] = _now()
        return anchor

    def set_trust_anchor_enabled(self, ident: str, enabled: bool) -> dict[str, Any]:
        anchor = self.trust_anchor(ident)
        anchor["enabled"] = enabled
        anchor["updatedAt"] = _now()
        return anchor

    def delete_trust_anchor(self, ident: str) -> dict[str, Any]:
        anchor = self.trust_anchor(ident)
        del self.trust_anchors[anchor["trustAnchorId"]]
        self.tags.pop(anchor["trustAnchorArn"], None)
        return anchor

    # -- profiles -----------------------------------------------------------------------
    def create_profile(self, body: dict[str, Any], created_by: str) -> dict[str, Any]:
        ident = str(uuid.uuid4())
        now = _now()
        profile = {
            "profileId": ident,
            "profileArn": self._arn("profile", ident),
            "name": body["name"],
            "requireInstanceProperties": bool(body.get("requireInstanceProperties", False)),
            "enabled": bool(body.get("enabled", False)),
            "createdBy": created_by,
            "roleArns": list(body["roleArns"]),
            "managedPolicyArns": list(body.get("managedPolicyArns") or []),
            "createdAt": now,
            "updatedAt": now,
            "durationSeconds": body.get("durationSeconds") or DEFAULT_DURATION_SECONDS,
            "acceptRoleSessionName": bool(body.get("acceptRoleSessionName", False)),
            "attributeMappings": json.loads(json.dumps(DEFAULT_ATTRIBUTE_MAPPINGS)),
        }
        if body.get("sessionPolicy") is not None:
            profile["sessionPolicy"] = body["sessionPolicy"]
        self._alias(profile, "profile", body.get("aliasName"))
        self.profiles[ident] = profile
        self.tags[profile["profileArn"]] = {t["key"]: t["value"] for t in body.get("tags") or []}
        return profile

    def update_profile(self, ident: str, body: dict[str, Any]) -> dict[str, Any]:
        profile = self.profile(ident)
        for key in ("name", "sessionPolicy", "roleArns", "managedPolicyArns", "durationSeconds", "acceptRoleSessionName"):
            if body.get(key) is not None:
                profile[key] = body[key]
        self._alias(profile, "profile", body.get("aliasName"))
        profile["updatedAt"] = _now()
        return profile

    def set_profile_enabled(self, ident: str, enabled: bool) -> dict[str, Any]:
        profile = self.profile(ident)
        profile["enabled"] = enabled
        profile["updatedAt"] = _now()
        return profile

    def delete_profile(self, ident: str) -> dict[str, Any]:
        profile = self.profile(ident)
        del self.profiles[profile["profileId"]]
        self.tags.pop(profile["profileArn"], None)
        return profile

    # -- tags ---------------------------------------------------------------------------
    def tag_resource(self, arn: str, tags: list[dict[str, str]]) -> None:
        current = self.tags.setdefault(self._resource_arn(arn), {})
        merged = dict(current)
        merged.update({t["key"]: t["value"] for t in tags})
        if len(merged) > MAX_TAGS:
            # Wording UNVERIFIED; the model lists TooManyTagsException for TagResource.
            raise RolesAnywhereError("TooManyTagsException", f"A resource can have at most {MAX_TAGS} tags")
        current.update(merged)

    def untag_resource(self, arn: str, keys: list[str]) -> None:
        current = self.tags.setdefault(self._resource_arn(arn), {})
        for key in keys:
            current.pop(key, None)

    def list_tags(self, arn: str) -> list[dict[str, str]]:
        return [{"key": k, "value": v} for k, v in self.tags.get(self._resource_arn(arn), {}).items()]


def _notification_settings(given: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The defaults, overridden per event by the given settings (configured by the account)."""
    settings = {s["event"]: dict(s) for s in json.loads(json.dumps(DEFAULT_NOTIFICATION_SETTINGS))}
    for setting in given or []:
        entry = settings.setdefault(setting["event"], {"event": setting["event"], "channel": "ALL"})
        entry.update({k: v for k, v in setting.items() if v is not None})
        entry["configuredBy"] = "customer"  # UNVERIFIED
    return list(settings.values())


rolesanywhere_backends = BackendDict(RolesAnywhereBackend, SERVICE)


def _page(items: list[dict[str, Any]], query: dict[str, Any]) -> tuple[list[dict[str, Any]], str | None]:
    size = int(query.get("pageSize") or DEFAULT_PAGE_SIZE)
    if size < 1:
        raise validation(f"1 validation error detected: Value '{size}' at 'pageSize' failed to satisfy constraint: "
                         "Member must have value greater than or equal to 1")  # UNVERIFIED: no range in the model
    start = 0
    if query.get("nextToken"):
        try:
            start = int(base64.urlsafe_b64decode(query["nextToken"].encode()).decode().split(":", 1)[1])
        except (ValueError, IndexError, UnicodeDecodeError):
            raise validation("Invalid pagination token") from None  # UNVERIFIED
    end = start + size
    token = base64.urlsafe_b64encode(f"eksup:{end}".encode()).decode() if end < len(items) else None
    return items[start:end], token


# ---------------------------------------------------------------------------------------
# HTTP: the REST-JSON wire format.
# ---------------------------------------------------------------------------------------
class RolesAnywhereResponse(BaseResponse):
    """Routes a REST-JSON request to the backend by botocore's model (method + path)."""

    def __init__(self) -> None:
        super().__init__(service_name=SERVICE)

    def _dispatch(self, request: Any, full_url: str | None = None, headers: Any = None) -> Any:
        self.setup_class(request, full_url, headers)
        operation = self._get_action_from_method_and_request_uri(self.normalized_request)
        try:
            if not operation:
                raise RolesAnywhereError("UnknownOperationException", "The requested operation does not exist", 404)
            if operation not in EMULATED:
                raise RolesAnywhereError("NotImplemented", f"rolesanywhere:{operation} is not emulated by eksup's emulator", 501)
            try:
                body = json.loads(self.body or b"{}") if self.body else {}
            except ValueError:
                raise RolesAnywhereError("SerializationException", "Unable to parse the request body as JSON") from None
            if not isinstance(body, dict):
                raise RolesAnywhereError("SerializationException", "The request body must be a JSON object")
            query = {k: (v[0] if isinstance(v, list) else v) for k, v in self.querystring.items()}
            uri = {k: v for k, v in (self.uri_match or {}).items()}
            validate_input(operation, body, uri, query)
            status, result = self._call(operation, body, uri, query)
        except RolesAnywhereError as error:
            return error.status, {"Content-Type": "application/json", "x-amzn-ErrorType": error.code,
                                  "x-amzn-RequestId": str(uuid.uuid4())}, json.dumps({"message": error.message})
        return status, {"Content-Type": "application/json", "x-amzn-RequestId": str(uuid.uuid4())}, json.dumps(result)

    @property
    def backend(self) -> RolesAnywhereBackend:
        return rolesanywhere_backends[self.current_account][self.region]

    def _caller_arn(self) -> str:
        from moto.sts.models import sts_backends

        auth = self.headers.get("Authorization", "")
        try:
            access_key = auth.split("Credential=", 1)[1].split("/", 1)[0]
        except IndexError:
            access_key = ""
        return sts_backends[self.current_account]["global"].get_caller_identity(access_key, self.region)[1]

    def _call(self, operation: str, body: dict[str, Any], uri: dict[str, Any], query: dict[str, Any]) -> tuple[int, Any]:
        backend = self.backend
        anchor_id, profile_id = uri.get("trustAnchorId"), uri.get("profileId")
        if operation == "CreateTrustAnchor":
            return 201, {"trustAnchor": backend.create_trust_anchor(body)}
        if operation == "GetTrustAnchor":
            return 200, {"trustAnchor": backend.trust_anchor(anchor_id)}
        if operation == "UpdateTrustAnchor":
            return 200, {"trustAnchor": backend.update_trust_anchor(anchor_id, body)}
        if operation in ("EnableTrustAnchor", "DisableTrustAnchor"):
            return 200, {"trustAnchor": backend.set_trust_anchor_enabled(anchor_id, operation.startswith("Enable"))}
        if operation == "DeleteTrustAnchor":
            return 200, {"trustAnchor": backend.delete_trust_anchor(anchor_id)}
        if operation == "ListTrustAnchors":
            page, token = _page(list(backend.trust_anchors.values()), query)
            return 200, {"trustAnchors": page, **({"nextToken": token} if token else {})}
        if operation == "CreateProfile":
            return 201, {"profile": backend.create_profile(body, self._caller_arn())}
        if operation == "GetProfile":
            return 200, {"profile": backend.profile(profile_id)}
        if operation == "UpdateProfile":
            return 200, {"profile": backend.update_profile(profile_id, body)}
        if operation in ("EnableProfile", "DisableProfile"):
            return 200, {"profile": backend.set_profile_enabled(profile_id, operation.startswith("Enable"))}
        if operation == "DeleteProfile":
            return 200, {"profile": backend.delete_profile(profile_id)}
        if operation == "ListProfiles":
            page, token = _page(list(backend.profiles.values()), query)
            return 200, {"profiles": page, **({"nextToken": token} if token else {})}
        if operation == "TagResource":
            backend.tag_resource(body["resourceArn"], body["tags"])
            return 201, {}
        if operation == "UntagResource":
            backend.untag_resource(body["resourceArn"], body["tagKeys"])
            return 200, {}
        if operation == "ListTagsForResource":
            return 200, {"tags": backend.list_tags(query["resourceArn"])}
        raise RolesAnywhereError("NotImplemented", f"rolesanywhere:{operation} is not emulated by eksup's emulator", 501)


# moto's url module interface (BaseBackend.url_bases / url_paths read these through _url_module).
url_bases = [r"https?://rolesanywhere\.(.+)\.amazonaws\.com"]
url_paths = {"{0}/(?P<route>.+)$": RolesAnywhereResponse.dispatch}


def install() -> None:
    """Register the service with moto's server (called once per process, before it serves)."""
    import moto.backend_index as backend_index

    module = sys.modules[__name__]
    # backends.get_backend("rolesanywhere") imports "moto.rolesanywhere" and reads rolesanywhere_backends.
    sys.modules.setdefault(f"moto.{SERVICE}", module)
    if not any(name == SERVICE for name, _ in backend_index.backend_url_patterns):
        # The dispatcher holds this very list: the SigV4 scope's service -> host -> backend name.
        backend_index.backend_url_patterns.append((SERVICE, re.compile(url_bases[0])))
