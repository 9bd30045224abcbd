"""Repeated and excess creates, as AWS answers them: EC2 idempotency tokens, quotas, and the
Service Quotas API (installed by ``eksup_moto.install()``, after ``eksup_moto_eks`` and
``eksup_moto_strict``).

Like the rest of the emulator, every patch is class- or module-level, applied when moto imports
the module (``eksup_moto._AfterImport``). Remembered tokens live on moto's EC2 backends, so
``POST /moto-api/reset`` forgets them; the quota table is configuration (like the faults of
``TestControl``) and survives a reset.

1. EC2 idempotency tokens (``ClientToken``)
-------------------------------------------
AWS (EC2 API reference, "Ensuring idempotency"): a request retried with the same client token
and the same parameters after it completed returns the result of the original request without
doing anything again (the result may carry updated information such as the current state); the
same token with different parameters answers ``IdempotentParameterMismatch`` (HTTP 400, "The
request uses the same client token as a previous, but non-identical request." in the error
table; the message seen from RunInstances is used here: "Arguments on this idempotent request are
inconsistent with arguments used in previous request(s)."). Tokens are per account and Region (the
same token in another Region is another request) and valid for at least 24 hours (here: until
the reset). The SDKs fill ``ClientToken`` in with a fresh UUID per call and send the same one on
each retry, so an SDK retry after a lost answer (see the ``after`` faults of ``TestControl``)
does not create a second resource.

moto 5.2.5 honours none of the tokens eksup's creates carry: it parses ``ClientToken`` only for
traffic mirroring, VPC endpoints (stored, never compared) and RunInstances (stored, never
compared). Here CreateNatGateway, CreateLaunchTemplate, CreateRouteTable and CreateNetworkAcl
honour it (API calls only; the launch templates EKS makes for managed nodegroups carry none).
A token is remembered only when the request succeeded (a refused request did nothing, so its
retry is a new request). One token namespace per account and Region for all four operations:
reusing a token for another operation is a mismatch (AWS says not to reuse tokens; the stricter
reading is taken). CreateNatGateway, CreateRouteTable and CreateNetworkAcl echo ``ClientToken``
in their answers, as AWS does.

2. Quotas (one table, ``QUOTAS``, also reported by the Service Quotas API)
---------------------------------------------------------------------------
======================================  ==============  =====  ================================  =========
quota (Service Quotas name)             service/code    AWS    refusal (HTTP 400)                enforced
======================================  ==============  =====  ================================  =========
EC2-VPC Elastic IPs                     ec2/L-0263D0A3  5      AllocateAddress:                  yes
                                                               ``AddressLimitExceeded`` "The
                                                               maximum number of addresses has
                                                               been reached."
VPCs per Region                         vpc/L-F678F1CE  5      CreateVpc: ``VpcLimitExceeded``   no (*)
                                                               "The maximum number of VPCs has
                                                               been reached."
NAT gateways per Availability Zone      vpc/L-FE5A380F  5      CreateNatGateway:                 yes
                                                               ``NatGatewayLimitExceeded`` "The
                                                               maximum number of NAT Gateways
                                                               has been reached."
Internet gateways per Region            vpc/L-A4707A72  5      CreateInternetGateway:            no (*)
                                                               ``InternetGatewayLimitExceeded``
                                                               "The maximum number of internet
                                                               gateways has been reached."
Fargate profiles per cluster            eks/L-33415657  10     CreateFargateProfile:             yes
                                                               ``ResourceLimitExceededException``
                                                               (wording approximate)
======================================  ==============  =====  ================================  =========

What counts, as on AWS: every Elastic IP allocated in the Region (associated or not); every VPC
of the Region, **including the default VPC** moto creates in each Region (so 4 more by default);
NAT gateways of the subnet's Availability Zone that are ``pending``, ``available`` or
``deleting`` (``deleted`` and ``failed`` ones do not); every internet gateway of the Region,
attached or not (moto's default VPC has none, AWS's has one: one more than on AWS); Fargate
profiles of the cluster, ``DELETING`` ones included. Only API calls are refused. A repeated
request with a known client token is answered before the quota is looked at (it creates nothing).

(*) Off by default: the default VPC already takes one of the five VPCs, and the Rust
integration tests (one emulator per test, several clusters each possible) were written without
VPC or internet gateway quotas; turn them on with their knob or the route below.
``DescribeAccountAttributes`` reports the Elastic IP quota as ``max-elastic-ips`` and
``vpc-max-elastic-ips`` (moto: a fixed 5).

Knobs (environment of the server, read once at start): ``EKSUP_MOTO_QUOTA_EIPS``,
``EKSUP_MOTO_QUOTA_VPCS``, ``EKSUP_MOTO_QUOTA_NAT_GATEWAYS_PER_AZ``,
``EKSUP_MOTO_QUOTA_INTERNET_GATEWAYS``, ``EKSUP_MOTO_QUOTA_FARGATE_PROFILES``: a number sets the
applied quota value **and enforces it**; ``off`` keeps the AWS default value but does not enforce
it; unset or empty: the defaults of the table.

Test routes (added to ``eksup_moto.TestControl``):

``GET    /eksup-test/quotas``   ``[{"service", "code", "name", "default", "value", "enforced",
                               "applied"}, ...]``
``POST   /eksup-test/quotas``   ``{"L-0263D0A3": 10, "L-F678F1CE": {"value": 5, "enforced": true,
                               "applied": false}}``: a number sets the value and enforces it; an
                               object sets any of value / enforced / applied. ``applied: false``
                               makes GetServiceQuota answer NoSuchResourceException for that
                               quota (as AWS does for quotas without an applied value), so a
                               client's fallback to GetAWSDefaultServiceQuota can be tested.
``DELETE /eksup-test/quotas``   back to the knobs/defaults.

3. Service Quotas API (``servicequotas``, JSON protocol, ``ServiceQuotasV20190624.*``)
---------------------------------------------------------------------------------------
moto 5.2.5 implements ListAWSDefaultServiceQuotas and GetServiceQuota for service ``vpc`` only,
from a static list of 25 VPC quotas (``moto/servicequotas/resources/default_quotas/vpc.py``,
ARNs always in eu-west-1) that it returns for both calls; any other service answers
NoSuchResourceException "This service is not available in the current Region. ..."; other
operations (GetAWSDefaultServiceQuota among them) answer HTTP 500.

AWS: GetServiceQuota answers the *applied* value of the account (``QuotaArn``
``arn:aws:servicequotas:<region>:<account>:<service>/<code>``), and NoSuchResourceException for a
quota that has no applied value; GetAWSDefaultServiceQuota answers the AWS default
(``arn:aws:servicequotas:<region>::<service>/<code>``).

Here, for the codes of the table: GetServiceQuota answers the emulator's value (the one it
enforces) with the account-scoped ARN, or NoSuchResourceException when ``applied`` is false;
GetAWSDefaultServiceQuota answers the AWS default; ListAWSDefaultServiceQuotas for ``ec2`` and
``eks`` lists the table's entries of that service. Other ``vpc`` codes keep moto's answers
(defaults, for both calls); anything else is NoSuchResourceException (wording approximate for an
unknown code).

Sources of the codes: ``vpc`` codes and names from moto's own data (above); ``ec2/L-0263D0A3``
"EC2-VPC Elastic IPs" and ``eks/L-33415657`` "Fargate profiles per cluster" (default 10,
adjustable) from the AWS General Reference quota tables ("Amazon EKS endpoints and quotas"; the
EC2 code is also the one AWS's own managed policies scope ``servicequotas:GetServiceQuota`` to,
see ``moto/iam/aws_managed_policies.py``). ``L-4BB2ACC5`` is not an EKS code anywhere in those
sources.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import threading
from typing import Any, Callable

from eksup_moto_strict import _host, _register, json_table_route

# ---------------------------------------------------------------------------------------
# Quota table
# ---------------------------------------------------------------------------------------
SERVICE_NAMES = {
    "ec2": "Amazon Elastic Compute Cloud (Amazon EC2)",
    "vpc": "Amazon Virtual Private Cloud (Amazon VPC)",
    "eks": "Amazon Elastic Kubernetes Service (Amazon EKS)",
}


@dataclasses.dataclass(frozen=True)
class Quota:
    service: str
    code: str
    name: str
    default: float  # AWS's default value
    knob: str
    enforced: bool  # by default


QUOTAS: dict[str, Quota] = {q.code: q for q in [
    Quota("ec2", "L-0263D0A3", "EC2-VPC Elastic IPs", 5, "EKSUP_MOTO_QUOTA_EIPS", True),
    Quota("vpc", "L-F678F1CE", "VPCs per Region", 5, "EKSUP_MOTO_QUOTA_VPCS", False),
    Quota("vpc", "L-FE5A380F", "NAT gateways per Availability Zone", 5, "EKSUP_MOTO_QUOTA_NAT_GATEWAYS_PER_AZ", True),
    Quota("vpc", "L-A4707A72", "Internet gateways per Region", 5, "EKSUP_MOTO_QUOTA_INTERNET_GATEWAYS", False),
    Quota("eks", "L-33415657", "Fargate profiles per cluster", 10, "EKSUP_MOTO_QUOTA_FARGATE_PROFILES", True),
]}

_LOCK = threading.RLock()
SETTINGS: dict[str, dict[str, Any]] = {}  # code -> {"value", "enforced", "applied"}


def _from_knobs() -> dict[str, dict[str, Any]]:
    out = {}
    for quota in QUOTAS.values():
        setting = {"value": float(quota.default), "enforced": quota.enforced, "applied": True}
        raw = (os.environ.get(quota.knob) or "").strip().lower()
        if raw == "off":
            setting["enforced"] = False
        elif raw:
            setting["value"], setting["enforced"] = float(raw), True
        out[quota.code] = setting
    return out


def setting(code: str) -> dict[str, Any]:
    with _LOCK:
        return dict(SETTINGS[code])


def limit(code: str) -> float | None:
    """The enforced value of a quota, None when it is not enforced."""
    current = setting(code)
    return current["value"] if current["enforced"] else None


def _check(code: str, used: int, refuse: Callable[[], Exception]) -> None:
    value = limit(code)
    if value is not None and used >= value:
        raise refuse()


# ---------------------------------------------------------------------------------------
# EC2: quotas and idempotency tokens (response level: API calls only)
# ---------------------------------------------------------------------------------------
def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _nat_counts_in_az(backend: Any, az: str) -> int:
    count = 0
    for nat in backend.nat_gateways.values():
        if nat.state in ("deleted", "failed"):
            continue
        try:
            if backend.get_subnet(nat.subnet_id).availability_zone == az:
                count += 1
        except Exception:  # its subnet is gone: it cannot be in the AZ any more
            pass
    return count


def _quota_handlers() -> dict[tuple[str, str], Callable[[Any], None]]:
    """(class name, method) -> check run before moto's handler."""

    def eips(self: Any) -> None:
        _check("L-0263D0A3", len(self.ec2_backend.addresses),
               lambda: _ec2_error("AddressLimitExceeded", "The maximum number of addresses has been reached."))

    def vpcs(self: Any) -> None:
        _check("L-F678F1CE", len(self.ec2_backend.vpcs),
               lambda: _ec2_error("VpcLimitExceeded", "The maximum number of VPCs has been reached."))

    def internet_gateways(self: Any) -> None:
        _check("L-A4707A72", len(self.ec2_backend.internet_gateways),
               lambda: _ec2_error("InternetGatewayLimitExceeded", "The maximum number of internet gateways has been reached."))

    def nat_gateways(self: Any) -> None:
        backend = self.ec2_backend
        subnet_id = self._get_param("SubnetId")
        try:
            az = backend.get_subnet(subnet_id).availability_zone
        except Exception:  # moto's own InvalidSubnetID.NotFound comes from its handler
            return
        _check("L-FE5A380F", _nat_counts_in_az(backend, az),
               lambda: _ec2_error("NatGatewayLimitExceeded", "The maximum number of NAT Gateways has been reached."))

    return {
        ("ElasticIPAddresses", "allocate_address"): eips,
        ("VPCs", "create_vpc"): vpcs,
        ("InternetGateways", "create_internet_gateway"): internet_gateways,
        ("NatGateways", "create_nat_gateway"): nat_gateways,
    }


# (class name, method) -> whether the answer echoes ClientToken.
IDEMPOTENT_EC2 = {
    ("NatGateways", "create_nat_gateway"): True,
    ("LaunchTemplates", "create_launch_template"): False,
    ("RouteTables", "create_route_table"): True,
    ("NetworkACLs", "create_network_acl"): True,
}
_TOKEN_LOCK = threading.RLock()  # a retry may race the original request (client timeout)


def _ec2_fingerprint(action: str, params: dict[str, Any]) -> str:
    return json.dumps([action, {k: v for k, v in params.items() if k != "ClientToken"}], sort_keys=True, default=str)


def _patch_ec2_responses(responses: Any) -> None:
    classes = {cls.__name__: cls for cls in responses.EC2Response.__mro__}

    for (class_name, method), check in _quota_handlers().items():
        cls = classes[class_name]
        original = getattr(cls, method)

        def handler(self: Any, _original: Any = original, _check: Any = check) -> Any:
            if not self._get_param("DryRun"):  # a dry run answers DryRunOperation, as on AWS
                _check(self)
            return _original(self)

        handler.__name__ = method
        setattr(cls, method, handler)

    # After the quota checks, so that a known token is answered before the quota is looked at.
    for (class_name, method), echoes in IDEMPOTENT_EC2.items():
        cls = classes[class_name]
        original = getattr(cls, method)

        def handler(self: Any, _original: Any = original, _method: str = method, _echoes: bool = echoes) -> Any:
            token = self._get_param("ClientToken")
            if not token:
                return _original(self)
            tokens = self.ec2_backend.__dict__.setdefault("_eksup_client_tokens", {})
            fingerprint = _ec2_fingerprint(_method, dict(getattr(self, "params", None) or {}))
            with _TOKEN_LOCK:
                seen = tokens.get(token)
                if seen is not None:
                    if seen[0] != fingerprint:
                        raise _ec2_error("IdempotentParameterMismatch",
                                         "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).")
                    return seen[1]
                result = _original(self)
                if _echoes and isinstance(getattr(result, "result", None), dict):
                    result.result.setdefault("ClientToken", token)
                tokens[token] = (fingerprint, result)
                return result

        handler.__name__ = method
        setattr(cls, method, handler)

    attributes = classes["AccountAttributes"]
    original_attributes = attributes.describe_account_attributes

    def describe_account_attributes(self: Any) -> Any:
        result = original_attributes(self)
        value = str(int(setting("L-0263D0A3")["value"]))
        for attribute in result.result.get("AccountAttributes", []):
            if attribute["AttributeName"] in ("max-elastic-ips", "vpc-max-elastic-ips"):
                attribute["AttributeValues"] = [{"AttributeValue": value}]
        return result

    attributes.describe_account_attributes = describe_account_attributes


# ---------------------------------------------------------------------------------------
# EKS: Fargate profiles per cluster
# ---------------------------------------------------------------------------------------
def _patch_eks() -> None:
    from moto.eks.exceptions import EKSError
    from moto.eks.models import EKSBackend

    class ResourceLimitExceededException(EKSError):
        TYPE = "ResourceLimitExceededException"
        STATUS = 400

    original = EKSBackend.create_fargate_profile  # eksup_moto_eks's (installed before)

    def create_fargate_profile(self: Any, fargate_profile_name: str, cluster_name: str, **kwargs: Any) -> Any:
        cluster = self.clusters.get(cluster_name)
        if cluster is not None and fargate_profile_name not in cluster.fargate_profiles:
            value = limit("L-33415657")
            _check("L-33415657", len(cluster.fargate_profiles), lambda: ResourceLimitExceededException(
                clusterName=cluster_name, nodegroupName=None,
                message=f"Cannot create Fargate Profile {fargate_profile_name} because cluster {cluster_name} "
                        f"already has {len(cluster.fargate_profiles)} Fargate profiles (limit {value:g})"))
        return original(self, fargate_profile_name=fargate_profile_name, cluster_name=cluster_name, **kwargs)

    EKSBackend.create_fargate_profile = create_fargate_profile


# ---------------------------------------------------------------------------------------
# Service Quotas API
# ---------------------------------------------------------------------------------------
def _no_such_resource(message: str) -> Exception:
    from moto.core.exceptions import JsonRESTError

    error = JsonRESTError("NoSuchResourceException", message)
    error.code = 400
    return error


def _shape(quota: Quota, region: str, account: str | None) -> dict[str, Any]:
    """The `ServiceQuota` shape: applied (account in the ARN, emulator's value) or AWS default."""
    value = setting(quota.code)["value"] if account else float(quota.default)
    return {
        "ServiceCode": quota.service,
        "ServiceName": SERVICE_NAMES[quota.service],
        "QuotaArn": f"arn:aws:servicequotas:{region}:{account or ''}:{quota.service}/{quota.code}",
        "QuotaCode": quota.code,
        "QuotaName": quota.name,
        "Value": value,
        "Unit": "None",
        "Adjustable": True,
        "GlobalQuota": False,
        **({"QuotaAppliedAtLevel": "ACCOUNT"} if account else {}),
    }


def _patch_servicequotas(responses: Any) -> None:
    cls = responses.ServiceQuotasResponse
    original_get = cls.get_service_quota
    original_list = cls.list_aws_default_service_quotas

    def _requested(self: Any) -> tuple[str, str, Quota | None]:
        params = json.loads(self.body or "{}")
        service, code = str(params.get("ServiceCode")), str(params.get("QuotaCode"))
        quota = QUOTAS.get(code)
        return service, code, quota if quota is not None and quota.service == service else None

    def get_service_quota(self: Any) -> str:
        service, code, quota = _requested(self)
        if quota is None:
            return original_get(self)
        if not setting(code)["applied"]:
            raise _no_such_resource(f"The request failed because the specified quota {code} has no applied value for service {service}.")
        return json.dumps({"Quota": _shape(quota, self.region, self.current_account)})

    def get_aws_default_service_quota(self: Any) -> str:
        service, code, quota = _requested(self)
        if quota is not None:
            return json.dumps({"Quota": _shape(quota, self.region, None)})
        if service == "vpc":
            from moto.servicequotas.resources.default_quotas.vpc import VPC_DEFAULT_QUOTAS

            for entry in VPC_DEFAULT_QUOTAS:
                if entry["QuotaCode"] == code:
                    entry = copy.deepcopy(entry)
                    entry["QuotaArn"] = f"arn:aws:servicequotas:{self.region}::vpc/{code}"
                    return json.dumps({"Quota": entry})
        raise _no_such_resource(f"The request failed because the specified quota {code} does not exist for service {service}.")

    def list_aws_default_service_quotas(self: Any) -> str:
        service = str(json.loads(self.body or "{}").get("ServiceCode"))
        if service in ("ec2", "eks"):
            quotas = [_shape(q, self.region, None) for q in QUOTAS.values() if q.service == service]
            return json.dumps({"Quotas": quotas})
        return original_list(self)

    cls.get_service_quota = get_service_quota
    cls.get_aws_default_service_quota = get_aws_default_service_quota
    cls.list_aws_default_service_quotas = list_aws_default_service_quotas


# ---------------------------------------------------------------------------------------
# Test route: /eksup-test/quotas
# ---------------------------------------------------------------------------------------
def quota_table() -> list[dict[str, Any]]:
    with _LOCK:
        return [{"service": q.service, "code": q.code, "name": q.name, "default": float(q.default), **SETTINGS[q.code]}
                for q in QUOTAS.values()]


def set_quotas(body: dict[str, Any]) -> None:
    """{"L-0263D0A3": 10} or {"L-0263D0A3": {"value": 10, "enforced": true, "applied": true}}."""
    updates = {}
    for code, change in body.items():
        if code not in QUOTAS:
            raise ValueError(f"unknown quota code {code!r} (known: {', '.join(QUOTAS)})")
        if isinstance(change, bool) or not isinstance(change, (int, float, dict)):
            raise ValueError(f"{code}: expected a number or an object")
        if not isinstance(change, dict):
            change = {"value": change, "enforced": True}
        unknown = set(change) - {"value", "enforced", "applied"}
        if unknown:
            raise ValueError(f"{code}: unknown fields {sorted(unknown)}")
        if "value" in change and (isinstance(change["value"], bool) or not isinstance(change["value"], (int, float)) or change["value"] < 0):
            raise ValueError(f"{code}: value must be a number >= 0")
        for flag in ("enforced", "applied"):
            if flag in change and not isinstance(change[flag], bool):
                raise ValueError(f"{code}: {flag} must be true or false")
        updates[code] = {k: float(v) if k == "value" else v for k, v in change.items()}
    with _LOCK:
        for code, change in updates.items():
            SETTINGS[code].update(change)


def _patch_test_control() -> None:
    host = _host()
    original = host.TestControl.control

    def control(self: Any, environ: dict[str, Any], route: str) -> tuple[int, bytes]:
        if route != "quotas":
            return original(self, environ, route)

        def reset() -> None:
            with _LOCK:
                SETTINGS.clear()
                SETTINGS.update(_from_knobs())

        answer = json_table_route(environ, quota_table, reset, set_quotas)
        return answer if answer is not None else original(self, environ, route)

    host.TestControl.control = control


# ---------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------
def install() -> None:
    """Apply the patches of this module (called once per process, after eksup_moto_eks)."""
    with _LOCK:
        SETTINGS.clear()
        SETTINGS.update(_from_knobs())
    _register("moto.ec2.responses", _patch_ec2_responses)
    _register("moto.servicequotas.responses", _patch_servicequotas)
    _patch_eks()
    _patch_test_control()
