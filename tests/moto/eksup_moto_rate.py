"""API request throttling, as AWS does it: token buckets per account and Region that answer
``RequestLimitExceeded`` / ``Throttling`` / ``ThrottlingException`` (installed by
``eksup_moto.install()``; checked by ``eksup_moto.TestControl`` for every AWS request, after the
call is counted and before faults and moto).

**Off by default** (plain moto never throttles, and the Rust integration tests were written
without throttling). ``EKSUP_MOTO_RATE_LIMITS=aws`` at server start, or ``POST
/eksup-test/rate-limits``, turns it on; the benchmarks run with it on.

How a bucket works (AWS's description, "Request throttling for the Amazon EC2 API")
-----------------------------------------------------------------------------------
A bucket holds at most ``size`` tokens and starts full; every request takes one token (a
*resource* bucket takes one per instance); tokens come back at ``refill`` per second until the
bucket is full again, extra tokens are dropped. A request that finds too few tokens is refused
and takes none. Here refill is continuous (``time.monotonic()``, fractions of a token included)
where AWS adds whole tokens each second: the same sustained rate, a little smoother. One lock
guards every bucket (the server is threaded); a request that needs two buckets (RunInstances:
request and resource) takes from both or from neither.

Scope: one bucket per account (moto's account of the access key) and Region (IAM: one per
account, it is a global service), and per API action or shared by a group of actions as the
table says. Only API calls over HTTP are throttled: what moto does on its own (Auto Scaling
launching instances, EKS making launch templates) is not, as on AWS, where services calling
on your behalf have their own buckets. Services missing from the table (SSM, CloudWatch Logs,
KMS, Service Quotas, CloudFormation) are not throttled.

The answers (status and code are what each service returns; botocore's retry logic keys on
them):

=================================  ======  ===============================  ==================
service                            HTTP    code                             message
=================================  ======  ===============================  ==================
EC2 (``ec2`` XML)                  503     ``RequestLimitExceeded``         Request limit
                                                                            exceeded.
IAM, STS, Auto Scaling, ELB        400     ``Throttling`` (``ErrorResponse``  Rate exceeded
(query XML)                                ``Type`` Sender)
EKS (REST-JSON)                    429     ``ThrottlingException``          Rate exceeded
                                           (``x-amzn-ErrorType``)
ECR (JSON 1.1)                     400     ``ThrottlingException``          Rate exceeded
=================================  ======  ===============================  ==================

Sources: EC2's code and status from its throttling page and error reference; ``Throttling: Rate
exceeded`` with status 400 for IAM/STS from AWS's knowledge center article
(https://repost.aws/knowledge-center/iam-sts-throttling-error), for Auto Scaling and ELB from
what the SDKs report (kubernetes/autoscaler#252, kubernetes/kops#3166, boto/boto3#3125: ELB's page
names the SDK exception ``ThrottlingException``, the wire code is ``Throttling``); EKS's from its
service model (botocore ``ThrottlingException``, ``httpStatusCode`` 429); ECR's from what its
clients report (``ThrottlingException: Rate exceeded``, status code 400, aws/amazon-ecs-agent#498).
The rendering is ``eksup_moto.error_response``, shared with the injected faults.

The buckets (``BUCKETS``; ``aws`` numbers, size / refill per second)
--------------------------------------------------------------------
**EC2**, documented (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html,
also https://docs.aws.amazon.com/AWSEC2/latest/APIReference/throttling.html). AWS applies the
limits per API action ("each API is evaluated individually ... requests for other API are not
affected"; "Limits are applied to individual API actions, not API action categories"); the
category gives the numbers. So every action has its own bucket of its category's size:

- ``ec2:non-mutating`` 100 / 20: ``Describe*``, ``List*``, ``Search*``, ``Get*``.
- ``ec2:unfiltered`` 50 / 10: DescribeInstances, DescribeInstanceStatus,
  DescribeNetworkInterfaces, DescribeSecurityGroups, DescribeSnapshots,
  DescribeSpotInstanceRequests and DescribeVolumes "when requested without specifying either
  pagination or a filter". Read literally: a request with a ``Filter.N``, ``MaxResults`` or
  ``NextToken`` uses the action's standard bucket; one without (ids alone do not count as a
  filter in AWS's wording) uses this smaller bucket, a separate one per action (an assumption:
  AWS does not say whether the two buckets of one action are separate; here they are).
- ``ec2:mutating`` 50 / 5: every other action.
- ``ec2:resource-intensive`` 50 / 5: AcceptVpcPeeringConnection, AuthorizeSecurityGroupIngress,
  CancelSpotInstanceRequests, CreateKeyPair, CreateVpcPeeringConnection,
  DeleteVpcPeeringConnection, RejectVpcPeeringConnection, RevokeSecurityGroupIngress,
  RequestSpotInstances ("throttled separately from other mutating actions").
- ``ec2:<Action>``: AWS's "uncategorized actions", each with its own numbers (``EC2_OWN``, the
  whole table; e.g. CreateNatGateway / DeleteNatGateway 10 / 1, CreateTags / DeleteTags 100 / 10,
  RunInstances 5 / 2, TerminateInstances 100 / 5, CreateLaunchTemplateVersion 100 / 5).
- ``ec2:<Action>:resources``: resource buckets, one token per instance: RunInstances 1000 / 2
  (``MaxCount`` instances), TerminateInstances 1000 / 20, StartInstances 1000 / 2, StopInstances
  1000 / 20 (one per ``InstanceId.N``).
- The console's bucket (100 / 10) has no API caller here.

**ELB** (``elasticloadbalancing``; one set for v1 and v2 alike, as eksup calls only v2),
https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html:
``elb:describe`` 40 / 10, documented, shared by every ``Describe*`` action ("up to 40 Describe*
requests in one second"). ``elb:mutating`` 20 / 2 for every other action is an **assumption**:
the page's table of the other categories was not available when this was written; conservative
(below the documented describe numbers, with EC2's 10:1 size-to-refill ratio for mutations).

**Auto Scaling**: one bucket shared by every Amazon EC2 Auto Scaling action, documented ("throttles
API requests based on a shared API bucket", Auto Scaling API reference, "API request rate",
https://docs.aws.amazon.com/autoscaling/ec2/APIReference/Welcome.html, and
https://repost.aws/knowledge-center/autoscaling-api-calls-throttled). ``autoscaling`` 20 / 5 is an
**assumption**: AWS publishes no numbers.

**ECR**: the per-second rates of the Service Quotas table are documented
(https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html): GetAuthorizationToken
500, BatchCheckLayerAvailability 1000, BatchGetImage 2000, CompleteLayerUpload 100,
GetDownloadUrlForLayer 3000, InitiateLayerUpload 100, PutImage 10, UploadLayerPart 500, each its
own bucket; a rate of N per second is a bucket of N refilled at N per second. (ECR's troubleshooting
page, https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors.html, still describes
GetAuthorizationToken as 20 per second with bursts of 200; the quota table, which Service Quotas
reports, is taken.) Repository management (CreateRepository, DescribeRepositories, PutLifecyclePolicy,
DeleteRepository, tagging, ...) has no published rate: ``ecr:other`` 20 / 10 per action is an
**assumption**.

**IAM**: AWS documents token buckets ("IAM and AWS STS independently implement a token bucket
algorithm ... The number of tokens that a bucket holds and the refill rate depends on the API.
For each IAM API, a number of token buckets might apply", AWS Security Blog, "How to monitor and
query IAM resources at scale - Part 2",
https://aws.amazon.com/blogs/security/how-to-monitor-and-query-iam-resources-at-scale-part-2/)
but publishes no numbers ("You can't increase the AWS service rate quotas"). **Assumed**, per
action per account: ``iam:read`` 20 / 10 (``Get*``, ``List*``, ``Simulate*``), ``iam:mutating``
10 / 2 (everything else). Conservative on purpose: IAM is a single global control plane, known
as the tightest limit eksup meets (issue 14: IAM is half of a create's calls), and a client that
is fine here is fine on AWS.

**STS**: token buckets per API (same blog), numbers unpublished; each regional endpoint has its
own limit. ``sts`` 50 / 20 per action per Region is an **assumption** (eksup calls
GetCallerIdentity once per command; tokens for ``get-token`` are presigned, not sent here).

**EKS**: AWS publishes no API rates for the EKS control-plane API (its quota page lists resource
counts only). **Assumed**, per action per Region: ``eks:read`` 20 / 10 (``Describe*``,
``List*``), ``eks:mutating`` 10 / 2 (everything else).

Knobs (environment of the server, read once at start)
-----------------------------------------------------
``EKSUP_MOTO_RATE_LIMITS``
    ``aws``: on, with the numbers above. Unset, empty or ``off``: off.
``EKSUP_MOTO_RATE_SCALE``
    a factor (default 1) applied to every size and refill: ``0.1`` gives buckets a tenth of AWS's
    (sizes are kept at least 1), to meet throttling in a test with few calls, or to play an
    account whose buckets other clients are also draining.

Test route (added to ``eksup_moto.TestControl``)
------------------------------------------------
``GET    /eksup-test/rate-limits``  ``{"enabled", "scale", "buckets": {"ec2:mutating": {"size",
                                   "refill", "per_action", "aws_size", "aws_refill",
                                   "source"}, ...}, "throttled": {"ec2:DescribeVpcs": 3, ...},
                                   "throttled_total"}``: ``size`` and ``refill`` are the values in
                                   force (scale applied).
``POST   /eksup-test/rate-limits``  ``{"enabled": true, "scale": 0.5, "buckets":
                                   {"ec2:non-mutating": {"size": 5, "refill": 1}}}``, every field
                                   optional: turns throttling on (unless ``"enabled": false``),
                                   sets the scale, and a bucket's ``size`` / ``refill`` (used as
                                   given, not scaled; kept until the DELETE). Every bucket starts
                                   full again.
``DELETE /eksup-test/rate-limits``  off, and back to the knobs' numbers and scale.

Throttled requests are counted per ``service:Operation`` (they are also calls, so ``GET
/eksup-test/calls`` counts them as well); ``POST /eksup-test/calls/reset`` clears both counts.
The configuration and the buckets survive ``POST /moto-api/reset`` (like the faults): throttling
is the account's, not its resources'.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import threading
import time
from typing import Any
from urllib.parse import parse_qs

from eksup_moto_strict import _host, json_table_route

EC2_DOC = "https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html"
ELB_DOC = "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html"
ECR_DOC = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html"
ASG_DOC = "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/Welcome.html"
ASSUMED = "assumption (AWS publishes no numbers; see eksup_moto_rate's docstring)"


@dataclasses.dataclass(frozen=True)
class Bucket:
    size: float  # AWS's bucket maximum capacity (tokens)
    refill: float  # AWS's refill rate (tokens per second)
    per_action: bool  # one bucket per API action (else one shared by every action of the class)
    source: str


# AWS's "uncategorized actions" of the EC2 API: action -> (size, refill). From EC2_DOC.
EC2_OWN_TABLE = """
AcceptVpcEndpointConnections 10 1; AdvertiseByoipCidr 1 0.1; AssignIpv6Addresses 100 5;
AssignPrivateIpAddresses 100 5; AssignPrivateNatGatewayAddress 10 1;
AssociateCapacityReservationBillingOwner 1 0.5; AssociateEnclaveCertificateIamRole 10 1;
AssociateIamInstanceProfile 100 5; AssociateNatGatewayAddress 10 1;
AttachVerifiedAccessTrustProvider 10 2; AuthorizeClientVpnIngress 5 2;
CancelDeclarativePoliciesReport 1 1; CopyImage 100 1; CreateClientVpnRoute 5 2; CreateCoipCidr 5 1;
CreateCoipPool 5 1; CreateDefaultSubnet 1 1; CreateDefaultVpc 1 1; CreateLaunchTemplateVersion 100 5;
CreateNatGateway 10 1; CreateNetworkInterface 100 5; CreateRestoreImageTask 50 0.1;
CreateSnapshot 100 5; CreateSnapshots 100 5; CreateSpotDatafeedSubscription 50 3;
CreateStoreImageTask 50 0.1; CreateSubnetCidrReservation 5 1; CreateTags 100 10;
CreateVerifiedAccessEndpoint 20 4; CreateVerifiedAccessGroup 10 2; CreateVerifiedAccessInstance 10 2;
CreateVerifiedAccessTrustProvider 10 2; CreateVolume 100 5; CreateVpcEndpoint 4 0.3;
CreateVpcEndpointServiceConfiguration 10 1; DeleteClientVpnRoute 5 2; DeleteCoipCidr 5 1;
DeleteCoipPool 5 1; DeleteCoipPoolPermission 5 1; DeleteNatGateway 10 1; DeleteNetworkInterface 100 5;
DeleteSnapshot 100 5; DeleteSpotDatafeedSubscription 50 3; DeleteSubnetCidrReservation 5 1;
DeleteQueuedReservedInstances 5 5; DeleteTags 100 10; DeleteVerifiedAccessEndpoint 20 4;
DeleteVerifiedAccessGroup 10 2; DeleteVerifiedAccessInstance 10 2; DeleteVerifiedAccessTrustProvider 10 2;
DeleteVolume 100 5; DeleteVpcEndpoints 4 0.3; DeleteVpcEndpointServiceConfigurations 10 1;
DeprovisionByoipCidr 1 0.1; DeregisterImage 100 5; DescribeAggregateIdFormat 10 10;
DescribeByoipCidrs 1 0.5; DescribeCapacityBlockExtensionOfferings 10 0.15;
DescribeCapacityBlockOfferings 10 0.15; DescribeDeclarativePoliciesReports 5 5;
DescribeHostReservations 5 2; DescribeHostReservationOfferings 5 2; DescribeIdentityIdFormat 10 10;
DescribeIdFormat 10 10; DescribeInstanceTopology 1 1; DescribeMovingAddresses 1 1;
DescribePrincipalIdFormat 10 10; DescribeReservedInstancesOfferings 10 10;
DescribeSecurityGroupReferences 20 5; DescribeSpotDatafeedSubscription 100 13;
DescribeSpotFleetInstances 100 5; DescribeSpotFleetRequestHistory 100 5; DescribeSpotFleetRequests 50 3;
DescribeStaleSecurityGroups 20 5; DescribeStoreImageTasks 50 0.5;
DescribeVerifiedAccessInstanceLoggingConfigurations 10 2; DetachVerifiedAccessTrustProvider 10 2;
DisableFastLaunch 5 2; DisableImageBlockPublicAccess 1 0.1; DisableSnapshotBlockPublicAccess 1 0.1;
DisassociateCapacityReservationBillingOwner 1 0.5; DisassociateEnclaveCertificateIamRole 10 1;
DisassociateIamInstanceProfile 100 5; DisassociateNatGatewayAddress 10 1; EnableFastLaunch 5 2;
EnableImageBlockPublicAccess 1 0.1; EnableSnapshotBlockPublicAccess 1 0.1;
GetAssociatedEnclaveCertificateIamRoles 10 1; GetDeclarativePoliciesReportSummary 5 5;
GetHostReservationPurchasePreview 5 2; ModifyImageAttribute 100 5; ModifyInstanceMetadataDefaults 2 2;
ModifyInstanceMetadataOptions 100 5; ModifyLaunchTemplate 100 5; ModifyNetworkInterfaceAttribute 100 5;
ModifySnapshotAttribute 100 5; ModifyVerifiedAccessEndpoint 20 4; ModifyVerifiedAccessEndpointPolicy 20 4;
ModifyVerifiedAccessGroup 10 2; ModifyVerifiedAccessGroupPolicy 20 4; ModifyVerifiedAccessInstance 10 2;
ModifyVerifiedAccessInstanceLoggingConfiguration 10 2; ModifyVerifiedAccessTrustProvider 10 2;
ModifyVpcEndpoint 4 0.3; ModifyVpcEndpointServiceConfiguration 10 1; MoveAddressToVpc 1 1;
ProvisionByoipCidr 1 0.1; PurchaseCapacityBlock 10 0.15; PurchaseCapacityBlockExtension 10 0.15;
PurchaseHostReservation 5 2; PurchaseReservedInstancesOffering 5 5; RejectVpcEndpointConnections 10 1;
RestoreAddressToClassic 1 1; RevokeClientVpnIngress 5 2; RunInstances 5 2;
StartDeclarativePoliciesReport 1 1; StartInstances 5 2; TerminateInstances 100 5;
UnassignPrivateIpAddresses 100 5; UnassignPrivateNatGatewayAddress 10 1; WithdrawByoipCidr 1 0.1
"""
EC2_OWN = {
    name: (float(size), float(refill))
    for name, size, refill in (entry.split() for entry in EC2_OWN_TABLE.replace("\n", " ").split(";") if entry.strip())
}
EC2_UNFILTERED = {
    "DescribeInstances", "DescribeInstanceStatus", "DescribeNetworkInterfaces", "DescribeSecurityGroups",
    "DescribeSnapshots", "DescribeSpotInstanceRequests", "DescribeVolumes",
}
EC2_RESOURCE_INTENSIVE = {
    "AcceptVpcPeeringConnection", "AuthorizeSecurityGroupIngress", "CancelSpotInstanceRequests", "CreateKeyPair",
    "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
    "RevokeSecurityGroupIngress", "RequestSpotInstances",
}
EC2_RESOURCES = {"RunInstances": (1000.0, 2.0), "TerminateInstances": (1000.0, 20.0),
                 "StartInstances": (1000.0, 2.0), "StopInstances": (1000.0, 20.0)}
ECR_RATES = {"GetAuthorizationToken": 500.0, "BatchCheckLayerAvailability": 1000.0, "BatchGetImage": 2000.0,
             "CompleteLayerUpload": 100.0, "GetDownloadUrlForLayer": 3000.0, "InitiateLayerUpload": 100.0,
             "PutImage": 10.0, "UploadLayerPart": 500.0}


def _aws_buckets() -> dict[str, Bucket]:
    buckets = {
        "ec2:non-mutating": Bucket(100, 20, True, EC2_DOC),
        "ec2:unfiltered": Bucket(50, 10, True, EC2_DOC),
        "ec2:mutating": Bucket(50, 5, True, EC2_DOC),
        "ec2:resource-intensive": Bucket(50, 5, True, EC2_DOC),
        "elb:describe": Bucket(40, 10, False, ELB_DOC),
        "elb:mutating": Bucket(20, 2, False, ASSUMED),
        "autoscaling": Bucket(20, 5, False, f"shared bucket: {ASG_DOC}; numbers: {ASSUMED}"),
        "ecr:other": Bucket(20, 10, True, ASSUMED),
        "iam:read": Bucket(20, 10, True, ASSUMED),
        "iam:mutating": Bucket(10, 2, True, ASSUMED),
        "sts": Bucket(50, 20, True, ASSUMED),
        "eks:read": Bucket(20, 10, True, ASSUMED),
        "eks:mutating": Bucket(10, 2, True, ASSUMED),
    }
    for action, (size, refill) in EC2_OWN.items():
        buckets[f"ec2:{action}"] = Bucket(size, refill, True, EC2_DOC)
    for action, (size, refill) in EC2_RESOURCES.items():
        buckets[f"ec2:{action}:resources"] = Bucket(size, refill, True, EC2_DOC)
    for action, rate in ECR_RATES.items():
        buckets[f"ecr:{action}"] = Bucket(rate, rate, True, ECR_DOC)
    return buckets


BUCKETS = _aws_buckets()

# service -> (code, HTTP status, message)
ANSWERS = {
    "ec2": ("RequestLimitExceeded", 503, "Request limit exceeded."),
    "iam": ("Throttling", 400, "Rate exceeded"),
    "sts": ("Throttling", 400, "Rate exceeded"),
    "autoscaling": ("Throttling", 400, "Rate exceeded"),
    "elasticloadbalancing": ("Throttling", 400, "Rate exceeded"),
    "eks": ("ThrottlingException", 429, "Rate exceeded"),
    "ecr": ("ThrottlingException", 400, "Rate exceeded"),
}


def _reads(operation: str, prefixes: tuple[str, ...]) -> bool:
    return operation.startswith(prefixes)


def _form(environ: dict[str, Any]) -> dict[str, list[str]]:
    """The query-protocol parameters (query string and form body; the body is put back)."""
    params = parse_qs(environ.get("QUERY_STRING", ""))
    if environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        for key, values in parse_qs(body.decode("utf-8", "replace")).items():
            params.setdefault(key, []).extend(values)
    return params


def classify(service: str, operation: str, environ: dict[str, Any]) -> list[tuple[str, str, float]]:
    """The buckets a request takes from: [(bucket class, bucket key within the class, tokens)]."""
    if service == "ec2":
        params = _form(environ)
        out: list[tuple[str, str, float]] = []
        if operation in EC2_OWN:
            out.append((f"ec2:{operation}", "", 1))
        elif operation in EC2_RESOURCE_INTENSIVE:
            out.append(("ec2:resource-intensive", operation, 1))
        elif _reads(operation, ("Describe", "List", "Search", "Get")):
            unfiltered = operation in EC2_UNFILTERED and not any(
                k.startswith("Filter.") or k in ("MaxResults", "NextToken") for k in params)
            out.append(("ec2:unfiltered" if unfiltered else "ec2:non-mutating", operation, 1))
        else:
            out.append(("ec2:mutating", operation, 1))
        if operation in EC2_RESOURCES:
            if operation == "RunInstances":
                count = float((params.get("MaxCount") or params.get("MinCount") or ["1"])[0] or 1)
            else:
                count = float(sum(1 for k in params if k.startswith("InstanceId.")) or 1)
            out.append((f"ec2:{operation}:resources", "", count))
        return out
    if service == "elasticloadbalancing":
        return [("elb:describe" if operation.startswith("Describe") else "elb:mutating", "", 1)]
    if service == "autoscaling":
        return [("autoscaling", "", 1)]
    if service == "ecr":
        return [(f"ecr:{operation}", "", 1) if operation in ECR_RATES else ("ecr:other", operation, 1)]
    if service == "iam":
        return [("iam:read" if _reads(operation, ("Get", "List", "Simulate")) else "iam:mutating", operation, 1)]
    if service == "sts":
        return [("sts", operation, 1)]
    if service == "eks":
        return [("eks:read" if _reads(operation, ("Describe", "List")) else "eks:mutating", operation, 1)]
    return []


# ---------------------------------------------------------------------------------------
# State: configuration, buckets, counts (one lock)
# ---------------------------------------------------------------------------------------
_LOCK = threading.Lock()
STATE: dict[str, Any] = {}  # enabled, scale, overrides {class: {"size", "refill"}}
_TOKENS: dict[tuple[str, ...], tuple[float, float]] = {}  # bucket -> (tokens, monotonic time)
THROTTLED: dict[str, int] = {}


def _from_knobs() -> dict[str, Any]:
    mode = (os.environ.get("EKSUP_MOTO_RATE_LIMITS") or "off").strip().lower()
    if mode not in ("aws", "off"):
        raise ValueError(f"EKSUP_MOTO_RATE_LIMITS={mode!r}: expected aws or off")
    scale = float(os.environ.get("EKSUP_MOTO_RATE_SCALE") or 1)
    if scale <= 0:
        raise ValueError("EKSUP_MOTO_RATE_SCALE must be > 0")
    return {"enabled": mode == "aws", "scale": scale, "overrides": {}}


def _limits(name: str) -> tuple[float, float]:
    """(size, refill) in force for a bucket class (call with _LOCK held)."""
    override = STATE["overrides"].get(name)
    if override is not None:
        return override["size"], override["refill"]
    bucket, scale = BUCKETS[name], STATE["scale"]
    return max(1.0, bucket.size * scale), bucket.refill * scale


def _account_region(environ: dict[str, Any], service: str) -> tuple[str, str]:
    """(account, Region) of a SigV4 request: `Credential=AKID/date/region/service/aws4_request`."""
    try:
        scope = environ.get("HTTP_AUTHORIZATION", "").split("Credential=", 1)[1].split(",", 1)[0].split("/")
        access_key, region = scope[0], scope[2]
    except IndexError:
        access_key, region = "", "unknown"
    try:
        from moto.iam.models import get_account_id_from

        account = get_account_id_from(access_key)
    except Exception:
        account = access_key
    return account, "global" if service == "iam" else region


def throttle(environ: dict[str, Any], service: str, operation: str) -> tuple[str, str, int] | None:
    """(code, message, status) when the request is throttled, else None (tokens taken)."""
    if not STATE.get("enabled") or service not in ANSWERS:
        return None
    wanted = classify(service, operation, environ)
    if not wanted:
        return None
    account, region = _account_region(environ, service)
    now = time.monotonic()
    with _LOCK:
        if not STATE["enabled"]:
            return None
        levels = []
        for name, key, cost in wanted:
            size, refill = _limits(name)
            bucket = (name, account, region, key)
            tokens, since = _TOKENS.get(bucket, (size, now))
            tokens = min(size, tokens + (now - since) * refill)
            levels.append((bucket, tokens, min(cost, size)))
        if all(tokens >= cost for _, tokens, cost in levels):
            for bucket, tokens, cost in levels:
                _TOKENS[bucket] = (tokens - cost, now)
            return None
        for bucket, tokens, _ in levels:
            _TOKENS[bucket] = (tokens, now)
        name = f"{service}:{operation}"
        THROTTLED[name] = THROTTLED.get(name, 0) + 1
    code, status, message = ANSWERS[service]
    return code, message, status


# ---------------------------------------------------------------------------------------
# Test route: /eksup-test/rate-limits
# ---------------------------------------------------------------------------------------
def report() -> dict[str, Any]:
    with _LOCK:
        buckets = {}
        for name, bucket in BUCKETS.items():
            size, refill = _limits(name)
            buckets[name] = {"size": size, "refill": refill, "per_action": bucket.per_action,
                             "aws_size": float(bucket.size), "aws_refill": float(bucket.refill), "source": bucket.source}
        return {"enabled": STATE["enabled"], "scale": STATE["scale"], "buckets": buckets,
                "throttled": dict(sorted(THROTTLED.items())), "throttled_total": sum(THROTTLED.values())}


def configure(body: dict[str, Any]) -> None:
    """{"enabled": bool, "scale": number, "buckets": {class: {"size": n, "refill": n}}}."""
    unknown = set(body) - {"enabled", "scale", "buckets"}
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    if "enabled" in body and not isinstance(body["enabled"], bool):
        raise ValueError('"enabled" must be true or false')
    if "scale" in body and (isinstance(body["scale"], bool) or not isinstance(body["scale"], (int, float)) or body["scale"] <= 0):
        raise ValueError('"scale" must be a number > 0')
    overrides = {}
    for name, change in (body.get("buckets") or {}).items():
        if name not in BUCKETS:
            raise ValueError(f"unknown bucket {name!r} (GET /eksup-test/rate-limits lists them)")
        if not isinstance(change, dict) or set(change) - {"size", "refill"}:
            raise ValueError(f'{name}: expected {{"size": n, "refill": n}}')
        for field in ("size", "refill"):
            value = change.get(field)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                raise ValueError(f"{name}: {field} must be a number >= 0")
        overrides[name] = {k: float(v) for k, v in change.items()}
    with _LOCK:
        if "scale" in body:
            STATE["scale"] = float(body["scale"])
        for name, change in overrides.items():
            size, refill = _limits(name)
            STATE["overrides"][name] = {"size": change.get("size", size), "refill": change.get("refill", refill)}
        STATE["enabled"] = body.get("enabled", True)
        _TOKENS.clear()  # every bucket starts full


def _reset() -> None:
    with _LOCK:
        STATE.clear()
        STATE.update(_from_knobs())
        _TOKENS.clear()


def _patch_test_control() -> None:
    host = _host()
    original = host.TestControl.control

    def control(self: Any, environ: dict[str, Any], route: str) -> tuple[int, bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if route == "calls/reset" and method == "POST":
            with _LOCK:
                THROTTLED.clear()
            return original(self, environ, route)
        if route != "rate-limits":
            return original(self, environ, route)
        answer = json_table_route(environ, report, _reset, configure)
        return answer if answer is not None else original(self, environ, route)

    host.TestControl.control = control


def install() -> None:
    """Read the knobs and add the route (called once per process by eksup_moto.install)."""
    _reset()
    _patch_test_control()
