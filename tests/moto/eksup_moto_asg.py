"""Auto Scaling instance refreshes and termination lifecycle hooks, as AWS runs them.

Installed by ``eksup_moto.install()`` (after ``eksup_moto_strict.install()``, whose ``_register``
composes with its own Auto Scaling patch). eksup rolls a self-managed node group onto a new AMI
with an instance refresh and drains each node while a termination lifecycle hook holds its
instance; this module makes the emulator do what AWS does there. Like the rest of the emulator,
the patches are class-level (applied when moto imports ``moto.autoscaling.models`` /
``.responses``) and all state lives on moto's objects (the Auto Scaling backend, its groups'
``InstanceState`` objects, the EC2 instances), so ``POST /moto-api/reset`` clears it.

What moto 5.2.5 did
-------------------
* ``StartInstanceRefresh``, ``DescribeInstanceRefreshes``, ``CancelInstanceRefresh``,
  ``CompleteLifecycleAction`` and ``RecordLifecycleActionHeartbeat`` were not implemented
  (moto answered "The start_instance_refresh action has not been implemented").
* Lifecycle hooks were stored and described, but never held an instance: every instance was
  ``InService`` until it vanished. ``DescribeLifecycleHooks`` showed a made-up ``RoleARN`` and
  ``NotificationTargetARN`` for every hook, ``PutLifecycleHook`` on an existing hook replaced it
  (unset fields back to defaults), and hooks outlived their group (a new group of the same name
  inherited them).
* Instances launched by a group were started with ``{"LaunchTemplateId": ...}`` and no version:
  the image id came from the group's version, but the ``aws:ec2launchtemplate:version`` tag, key
  pair, block devices and instance profile came from the template's *default* version, and
  ``Instances[].LaunchTemplate.Version`` in DescribeAutoScalingGroups/Instances showed the
  template's default version number for every instance, whatever it was launched from.

What the emulator does now
--------------------------
1. **Launches** use the group's launch template *and version* (``$Latest``/``$Default`` resolved
   to a number at launch): ImageId (so the Kubernetes stand-in's kubelet version, which
   ``eksup_moto_k8s.ami_info`` reads from the instance's AMI), user data, tags, key, block devices
   and instance profile all come from that version. Each instance remembers what it was launched
   from, and ``Instances[].LaunchTemplate`` (DescribeAutoScalingGroups / DescribeAutoScalingInstances)
   shows that template and version (the resolved number, as a string).

2. **StartInstanceRefresh** (``AutoScalingGroupName``, ``Strategy`` ``Rolling`` (default),
   ``DesiredConfiguration.LaunchTemplate`` {``LaunchTemplateId`` | ``LaunchTemplateName``,
   ``Version``}, ``Preferences``) answers ``{"InstanceRefreshId": <uuid>}``. Refusals:

   * constraint violations, in AWS's wording and order (``ValidationError``, HTTP 400):
     "1 validation error detected: Value '150' at 'preferences.minHealthyPercentage' failed to
     satisfy constraint: Member must have value less than or equal to 100" (ranges:
     MinHealthyPercentage 0..100, MaxHealthyPercentage 100..200, InstanceWarmup >= 0,
     CheckpointDelay and BakeTime 0..172800, CheckpointPercentages members 1..100; enums:
     Strategy, ScaleInProtectedInstances, StandbyInstances);
   * an unknown group: ``ValidationError`` "AutoScalingGroup name not found - AutoScalingGroup
     <name> not found" (approximate wording; the code is AWS's);
   * a refresh of the group that is Pending, InProgress or Cancelling: ``InstanceRefreshInProgress``
     (HTTP 400) "An Instance Refresh is already in progress and blocks the execution of this
     Instance Refresh." (AWS's message);
   * ``ValidationError`` (approximate wordings): MaxHealthyPercentage without MinHealthyPercentage
     (AWS documents that both must be given), Max - Min > 100, CheckpointDelay without
     CheckpointPercentages, CheckpointPercentages not strictly ascending; AutoRollback without a
     DesiredConfiguration: "The request isn't valid. The AutoRollback parameter cannot be set to
     true when the DesiredConfiguration parameter is empty. Set AutoRollback to false or specify a
     desired configuration and try again." (AWS's message); a desired launch template given by
     both or neither id and name, or that does not exist: "You must use a valid fully-formed
     launch template. The specified launch template, with template ID <id>, does not exist."
     (AWS's CreateAutoScalingGroup wording; ``... with template name <name> ...``), or whose
     version does not exist; ``Strategy=ReplaceRootVolume`` and a DesiredConfiguration with a
     MixedInstancesPolicy are refused as not emulated (the message says so).

   The desired configuration is DesiredConfiguration's launch template and version, or the group's
   own (launch template and version, or launch configuration); ``$Latest``/``$Default`` are
   resolved to a number when the refresh starts. The instances to replace are the group's
   ``InService`` instances (Standby and waiting instances are left alone, AWS's default
   ``StandbyInstances=Ignore``; scale-in protected ones too unless ``ScaleInProtectedInstances``
   is ``Refresh``); with ``SkipMatching`` true only those whose launch template id and version
   (or launch configuration) differ from the desired configuration. Nothing to replace: the
   refresh is Successful at once.

3. **The rolling replacement**, in batches, for a group of desired capacity N (the running
   instances, those terminating included, stay within the Min/Max band, except in the
   one-at-a-time case below):
   ``surge = floor(N * Max / 100) - N`` instances may be launched above N and
   ``drop = N - ceil(N * Min / 100)`` taken out below it (Min rounded up, as AWS documents);
   a batch replaces ``k = min(remaining, max(1, surge + drop))`` instances: ``max(0, k - surge)``
   of them are terminated first and replaced once they are gone; the others get their
   replacements launched first (MaxHealthyPercentage > 100: launch before terminating) and are
   terminated once those replacements have warmed up. When neither bound leaves room (Min 100,
   Max 100, or small groups) one instance at a time is terminated then replaced, as AWS does. A
   batch ends when its old instances are gone and all its replacements are launched and warm;
   the next one starts then. Replacements come from the desired configuration; the group's
   ``DesiredCapacity`` is not changed (it is N again at the end), and when the refresh succeeds
   a DesiredConfiguration becomes the group's launch template and version (AWS updates the group
   on success; a cancelled refresh leaves the group's configuration alone). Warmup: see
   ``MOTO_ASG_WARMUP_SECONDS``. CheckpointPercentages pause the refresh for CheckpointDelay
   (default 3600) seconds each time the completed percentage reaches one (below 100).
   While an active refresh has a DesiredConfiguration, UpdateAutoScalingGroup with a
   LaunchTemplate, LaunchConfigurationName or MixedInstancesPolicy is refused with
   ``ValidationError`` "An active instance refresh with a desired configuration exists. All
   configuration options derived from the desired configuration are not available for update
   while the instance refresh is active." (AWS's message).

4. **Termination lifecycle hooks** (refresh terminations): when the group has hooks with
   ``LifecycleTransition`` ``autoscaling:EC2_INSTANCE_TERMINATING``, the instance goes
   ``Terminating:Wait``: still running (EC2 ``running``, so its Kubernetes Node stays), still
   listed in DescribeAutoScalingGroups ``Instances`` and DescribeAutoScalingInstances, no longer
   counted as InService. Each hook gets a lifecycle action with a token (uuid). An action ends
   with ``CompleteLifecycleAction`` (by ``InstanceId`` or ``LifecycleActionToken``;
   ``LifecycleActionResult`` ``CONTINUE`` or ``ABANDON`` -- for a termination both terminate;
   ``ABANDON`` also ends the instance's other hooks' actions, as AWS documents) or when its
   heartbeat timeout passes (then the hook's ``DefaultResult`` applies).
   ``RecordLifecycleActionHeartbeat`` restarts the timeout; an action never outlives its global
   timeout, ``min(100 * HeartbeatTimeout, 172800)`` seconds (AWS's rule). When every action of the
   instance has ended it goes ``Terminating:Proceed``, is terminated in EC2 and leaves the group
   (then the refresh launches its replacement, if it was terminated first). Without a hook the
   instance is terminated at once. A hook deleted while its action is open ends that action
   (``ABANDON``). Refusals (``ValidationError``): "No active Lifecycle Action found with instance
   ID <id>" (AWS's wording) for an instance that is not waiting on that hook of that group
   (unknown instance, unknown hook, unknown group, action already ended); "No active Lifecycle
   Action found with token <token>" when only a token was given (AWS's wording); neither id nor
   token, or a result other than CONTINUE/ABANDON (approximate wordings).

5. **DescribeInstanceRefreshes** (``AutoScalingGroupName`` (unknown: ``ValidationError``, as on
   AWS), ``InstanceRefreshIds``, ``MaxRecords`` (default 50, at most 100), ``NextToken``
   (unknown: ``InvalidNextToken``)): newest first, each with InstanceRefreshId,
   AutoScalingGroupName, Strategy, Status (Pending, InProgress, Successful, Failed, Cancelling,
   Cancelled), StatusReason (while waiting: "Waiting for instances to warm up before continuing.
   For example: i-... is warming up." -- AWS's wording -- or, approximate wordings, for
   instances in Terminating:Wait, for a checkpoint, and for a failure), StartTime, EndTime (once
   it ended), PercentageComplete and InstancesToUpdate (old instances replaced so far / still to
   replace), ProgressDetails.LivePoolProgress {PercentageComplete, InstancesToUpdate},
   Preferences (with AWS's defaults filled in: MinHealthyPercentage 90, MaxHealthyPercentage 100,
   SkipMatching false, AutoRollback false, ScaleInProtectedInstances and StandbyInstances
   ``Ignore``; InstanceWarmup and checkpoint settings as given) and DesiredConfiguration (as given).

6. **CancelInstanceRefresh**: no Pending/InProgress/Cancelling refresh -> ``ActiveInstanceRefreshNotFound``
   (HTTP 400) "No in progress or pending Instance Refresh found for Auto Scaling group <name>";
   otherwise ``Cancelling``: no further batch starts, the batch under way finishes (instances
   already replaced stay replaced; an instance in ``Terminating:Wait`` stays there until its
   action completes or times out, then its replacement is launched), then ``Cancelled``.

7. **PutLifecycleHook / DescribeLifecycleHooks / DeleteLifecycleHook**: PutLifecycleHook refuses
   (``ValidationError``, approximate wordings) an unknown group, a new hook without
   LifecycleTransition, a transition other than ``autoscaling:EC2_INSTANCE_LAUNCHING`` /
   ``autoscaling:EC2_INSTANCE_TERMINATING``, a HeartbeatTimeout outside 30..7200, a DefaultResult
   other than CONTINUE/ABANDON; on an existing hook it changes only the fields given (AWS's
   update semantics). DescribeLifecycleHooks shows HeartbeatTimeout (default 3600), DefaultResult
   (default ABANDON), GlobalTimeout ``min(100 * HeartbeatTimeout, 172800)``, and RoleARN,
   NotificationTargetARN, NotificationMetadata only when given. Deleting a group deletes its
   hooks and its refreshes.

8. **EnableMetricsCollection** (moto stored any names at any granularity, and enabled nothing
   when no metric was named): ``Granularity`` must be ``1Minute``, the only value AWS takes, and
   each metric one of AWS's (``METRICS``); otherwise ``ValidationError`` (our wordings: AWS's are
   not published). An unknown group is ``ValidationError`` as in (2). No metric named enables all
   of them, as AWS documents ("If you specify Granularity and don't specify any metrics, all
   metrics are enabled"); a second call adds to the metrics already enabled.

9. **MixedInstancesPolicy** (CreateAutoScalingGroup, UpdateAutoScalingGroup; moto took any):
   constraint violations in AWS's format (``onDemandBaseCapacity`` >= 0,
   ``onDemandPercentageAboveBaseCapacity`` 0..100, ``spotInstancePools`` 0..20, the
   ``spotAllocationStrategy`` enum), at most 40 overrides, override instance types EC2 knows,
   and ``SpotInstancePools`` only with ``lowest-price`` (the default strategy is
   ``lowest-price``, as the API reference says); ``ValidationError``, our wordings outside the constraint format.
   Instances launch from the template with its instance type (On-Demand and Spot alike); a group
   without weights runs exactly its desired capacity (moto rounded both shares down, launching no
   instance for one at 50%; AWS rounds the On-Demand share up).

10. **Scaling activities** (DescribeScalingActivities; moto answered none): every launch of the
    group's instances is an activity, newest first: ``Launching a new EC2 instance: i-...``,
    ``StatusCode`` ``Successful``; a launch EC2 refuses (``Unsupported``: an instance type a Local
    Zone does not offer, see ``eksup_moto_zones``) does not fail the request that changed the
    capacity (CreateAutoScalingGroup, UpdateAutoScalingGroup, SetDesiredCapacity succeed) but records
    ``StatusCode`` ``Failed``, ``Description`` "Launching a new EC2 instance.  Status Reason: <EC2's
    message> Launching EC2 instance failed.", ``StatusMessage`` "<EC2's message> Launching EC2 instance
    failed.", ``Cause`` "At <time> an instance was started in response to a difference between desired
    and actual capacity, increasing the capacity from <n> to <m>.", ``Progress`` 100 and ``Details``
    ``{"Subnet ID":...,"Availability Zone":...}`` (AWS's format, kubernetes/autoscaler#1263,
    aws/aws-parallelcluster#1944); the group stays below its desired capacity (AWS retries later;
    the emulator launches again at the next capacity change). A refresh whose replacement fails so
    is Failed ("Could not launch a replacement instance: ..."). Filters: ``AutoScalingGroupName``,
    ``ActivityIds``, ``IncludeDeletedGroups`` (activities of deleted groups only then),
    ``MaxRecords`` (1..100, default 100) / ``NextToken``. Termination activities are not recorded.

11. **SuspendProcesses / ResumeProcesses** (moto suspended any name it was given, answered an
    unknown group with an internal error, and showed an empty ``SuspensionReason``): each of
    ``ScalingProcesses`` must be one of AWS's nine (``PROCESSES``, the API reference's list;
    otherwise ``ValidationError`` "'<name>' is not a valid scaling process": AWS's code, our
    wording, as AWS does not publish it), checked before anything changes; an unknown group is
    ``ValidationError`` as in (2). No process named suspends (resumes) all of them, as AWS
    documents. ``SuspendedProcesses`` in DescribeAutoScalingGroups shows each with AWS's reason,
    ``User suspended at <time>`` (the time of its suspension, kept on a second suspension), in
    the order of ``PROCESSES``. Suspending ``Launch`` does not stop the emulator launching (AWS's
    group would stop): not emulated.

12. **CreateOrUpdateTags** (moto took any number of tags and any group): every tag's group must
    exist (``ValidationError`` as in (2)) and no group may end with more than 50 tags, the limit
    AWS documents for an Auto Scaling group (``LimitExceeded``, AWS's documented code; our
    wording), checked before any tag is written; ``PropagateAtLaunch`` is kept per tag (a tag not
    propagated does not reach the instances).

Progress is evaluated lazily, under one lock, whenever DescribeAutoScalingGroups,
DescribeAutoScalingInstances, DescribeInstanceRefreshes, StartInstanceRefresh,
CancelInstanceRefresh, CompleteLifecycleAction or RecordLifecycleActionHeartbeat arrives, and by a
daemon timer every 0.2 s while a refresh is active or an instance waits, so instances terminate
and replacements launch even when nobody calls Auto Scaling (e.g. eksup only watching Nodes).

Knobs (environment of the server, read once at start)
-----------------------------------------------------
``MOTO_ASG_WARMUP_SECONDS``
    float seconds a refresh's replacement warms up before the refresh moves on. When set (``0``
    included) it overrides the ``InstanceWarmup`` preference; when unset the preference applies
    and, without one, 0 (AWS then uses the group's DefaultInstanceWarmup or
    HealthCheckGracePeriod, 300 s by default: the emulator stays fast instead).
``MOTO_ASG_HEARTBEAT_TIMEOUT_SECONDS``
    float seconds; when set, replaces every hook's HeartbeatTimeout for timing (the hook still
    shows the value it was given), and the global timeout becomes 100 times it. AWS refuses
    timeouts under 30 s, so tests of the timeout path set this. Unset: the hooks' own values.

Test route: ``GET /eksup-test/autoscaling/lifecycle-actions`` lists the open lifecycle actions
``[{"region", "autoScalingGroupName", "lifecycleHookName", "lifecycleTransition", "instanceId",
"lifecycleActionToken", "secondsLeft"}]`` (AWS delivers tokens through the hook's notification
target -- SQS, SNS or EventBridge -- which the emulator does not send).

Not emulated (deviations): launch lifecycle hooks (``EC2_INSTANCE_LAUNCHING``) are stored and
described but never hold an instance (``Pending:Wait``); hooks hold only instances a refresh
terminates (scale-in, TerminateInstanceInAutoScalingGroup and DeleteAutoScalingGroup terminate at
once, as in moto); no notifications are sent; rollbacks (AutoRollback, RollbackInstanceRefresh),
alarms, BakeTime and warm pools are accepted where the model allows but do nothing; a refresh never
fails for health reasons; ``ScaleInProtectedInstances=Wait`` behaves like ``Ignore``;
``WaitForTransitioningInstances=false`` behaves like true; instances are replaced oldest first
(AWS also balances Availability Zones); the group's MaxSize does not limit the instances a refresh
launches above the desired capacity; a refresh goes InProgress within its StartInstanceRefresh call
(AWS shows Pending for a moment).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import math
import os
import threading
import time
import traceback
import uuid
import weakref
from typing import Any, Iterator

from moto.core.utils import utcnow

import eksup_moto_strict

TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING"
LAUNCHING = "autoscaling:EC2_INSTANCE_LAUNCHING"
ACTIVE = ("Pending", "InProgress", "Cancelling", "RollbackInProgress", "Baking")
WAIT = "Terminating:Wait"
# The group metrics of EnableMetricsCollection (AWS API reference, EnableMetricsCollection).
METRICS = (
    "GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances", "GroupPendingInstances",
    "GroupStandbyInstances", "GroupTerminatingInstances", "GroupTotalInstances", "GroupInServiceCapacity",
    "GroupPendingCapacity", "GroupStandbyCapacity", "GroupTerminatingCapacity", "GroupTotalCapacity",
    "WarmPoolDesiredCapacity", "WarmPoolWarmedCapacity", "WarmPoolPendingCapacity", "WarmPoolTerminatingCapacity",
    "WarmPoolTotalCapacity", "GroupAndWarmPoolDesiredCapacity", "GroupAndWarmPoolTotalCapacity",
)
# The processes of SuspendProcesses and ResumeProcesses (AWS API reference, SuspendProcesses).
PROCESSES = ("Launch", "Terminate", "AddToLoadBalancer", "AlarmNotification", "AZRebalance", "HealthCheck",
             "InstanceRefresh", "ReplaceUnhealthy", "ScheduledActions")
# The most tags an Auto Scaling group takes (Amazon EC2 Auto Scaling User Guide, tagging).
MAX_GROUP_TAGS = 50
TICK_SECONDS = 0.2
MAX_GLOBAL_TIMEOUT = 172800

IN_PROGRESS_MESSAGE = "An Instance Refresh is already in progress and blocks the execution of this Instance Refresh."
DESIRED_CONFIG_LOCK_MESSAGE = (
    "An active instance refresh with a desired configuration exists. All configuration options derived from the "
    "desired configuration are not available for update while the instance refresh is active."
)
AUTO_ROLLBACK_MESSAGE = (
    "The request isn't valid. The AutoRollback parameter cannot be set to true when the DesiredConfiguration "
    "parameter is empty. Set AutoRollback to false or specify a desired configuration and try again."
)


# ---------------------------------------------------------------------------------------
# Knobs
# ---------------------------------------------------------------------------------------
def _optional_seconds(name: str) -> float | None:
    raw = os.environ.get(name)
    return None if raw is None or raw.strip() == "" else float(raw)


class Knobs:
    def __init__(self) -> None:
        self.warmup = _optional_seconds("MOTO_ASG_WARMUP_SECONDS")
        self.heartbeat = _optional_seconds("MOTO_ASG_HEARTBEAT_TIMEOUT_SECONDS")


KNOBS = Knobs()

# One lock for every refresh and lifecycle-action change (request threads and the timer).
_LOCK = threading.RLock()
_ACTIVE: "weakref.WeakSet[Any]" = weakref.WeakSet()  # backends with open work (for the timer)
_KNOWN: "weakref.WeakSet[Any]" = weakref.WeakSet()  # backends that ever had a refresh or action
_TIMER: threading.Thread | None = None
_SEQ = [0]


# ---------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------
def _validation(message: str) -> Exception:
    from moto.autoscaling.exceptions import ValidationError

    return ValidationError(message)


def _client_error(code: str, message: str) -> Exception:
    from moto.autoscaling.exceptions import AutoscalingClientError

    return AutoscalingClientError(code, message)


def _group_not_found(name: str) -> Exception:
    return _validation(f"AutoScalingGroup name not found - AutoScalingGroup {name} not found")


def _constraint_errors(problems: list[str]) -> Exception:
    count = len(problems)
    noun = "error" if count == 1 else "errors"
    return _validation(f"{count} validation {noun} detected: " + "; ".join(problems))


def _check_range(problems: list[str], value: Any, path: str, low: int | None, high: int | None) -> None:
    if value is None:
        return
    if low is not None and value < low:
        problems.append(f"Value '{value}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {low}")
    elif high is not None and value > high:
        problems.append(f"Value '{value}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {high}")


def _check_enum(problems: list[str], value: Any, path: str, allowed: list[str]) -> None:
    if value is not None and value not in allowed:
        problems.append(f"Value '{value}' at '{path}' failed to satisfy constraint: "
                        f"Member must satisfy enum value set: [{', '.join(allowed)}]")


SPOT_ALLOCATION_STRATEGIES = ["lowest-price", "capacity-optimized", "capacity-optimized-prioritized", "price-capacity-optimized"]


def _check_mixed_instances_policy(policy: dict[str, Any] | None) -> None:
    """A MixedInstancesPolicy as Auto Scaling checks it (item 9)."""
    if not policy:
        return
    from moto.ec2.models.instance_types import INSTANCE_TYPES

    overrides = (policy.get("LaunchTemplate") or {}).get("Overrides") or []
    d = policy.get("InstancesDistribution") or {}
    problems: list[str] = []
    path = "mixedInstancesPolicy.instancesDistribution"
    _check_range(problems, _int(d.get("OnDemandBaseCapacity")), f"{path}.onDemandBaseCapacity", 0, None)
    _check_range(problems, _int(d.get("OnDemandPercentageAboveBaseCapacity")), f"{path}.onDemandPercentageAboveBaseCapacity", 0, 100)
    _check_range(problems, _int(d.get("SpotInstancePools")), f"{path}.spotInstancePools", 0, 20)
    _check_enum(problems, d.get("SpotAllocationStrategy"), f"{path}.spotAllocationStrategy", SPOT_ALLOCATION_STRATEGIES)
    if problems:
        raise _constraint_errors(problems)
    if len(overrides) > 40:
        raise _validation("The launch template overrides exceed the limit of 40.")
    for o in overrides:
        t = o.get("InstanceType")
        if t is not None and t not in INSTANCE_TYPES:
            raise _validation(f"The instance type '{t}' is not valid.")
    strategy = d.get("SpotAllocationStrategy") or "lowest-price"
    if d.get("SpotInstancePools") is not None and strategy != "lowest-price":
        raise _validation(f"SpotInstancePools is only supported with the lowest-price Spot allocation strategy, not {strategy}.")


def _int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)


def _bool(value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    return str(value).lower() == "true"


# ---------------------------------------------------------------------------------------
# What an instance was launched from
# ---------------------------------------------------------------------------------------
def _ec2_of(group: Any) -> Any:
    return group.autoscaling_backend.ec2_backend


def _resolve_version(template: Any, version: Any) -> Any:
    """The LaunchTemplateVersion for "$Latest", "$Default" or a number (moto raises if absent)."""
    return template.get_version(version if version not in (None, "") else "$Default")


def _instance_source(state: Any) -> tuple | None:
    """("lt", template id, version number) or ("lc", name) the instance was launched from."""
    inst = state.instance
    recorded = inst.__dict__.get("_eksup_source")
    if recorded is not None:
        return recorded
    try:
        tags = {t["key"]: t["value"] for t in inst.get_tags()}
    except Exception:
        tags = {}
    if tags.get("aws:ec2launchtemplate:id") and str(tags.get("aws:ec2launchtemplate:version", "")).isdigit():
        return ("lt", tags["aws:ec2launchtemplate:id"], int(tags["aws:ec2launchtemplate:version"]))
    group = state.auto_scaling_group
    if group is not None and group.ec2_launch_template is None and group.__dict__.get("launch_configuration_name"):
        return ("lc", group.launch_configuration_name)
    return None


# ---------------------------------------------------------------------------------------
# Scaling activities (rule 8)
# ---------------------------------------------------------------------------------------
LAUNCH_FAILURE_CODES = ("Unsupported", "InvalidPlacementGroup.Unknown")  # EC2 refusals a launch records as a failed activity


def _error_code(error: Exception) -> str | None:
    return getattr(error, "code", None) or getattr(error, "error_type", None)


def _launch_failure(error: Exception) -> bool:
    from eksup_moto_capacity import LaunchRefused

    return _error_code(error) in LAUNCH_FAILURE_CODES or isinstance(error, LaunchRefused)


def _subnet_zone(group: Any, subnet_id: str | None) -> str | None:
    if not subnet_id:
        return None
    try:
        return group.autoscaling_backend.ec2_backend.get_subnet(subnet_id).availability_zone
    except Exception:
        return None


def _launch_cause(before: int, wanted: int) -> str:
    at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f"At {at} an instance was started in response to a difference between desired and actual capacity, "
            f"increasing the capacity from {before} to {wanted}.")


def _activities(backend: Any) -> list[dict[str, Any]]:
    return backend.__dict__.setdefault("_eksup_activities", [])


def _record_activity(group: Any, description: str, cause: str, status: str, message: str | None, details: dict[str, Any],
                     code: str | None = None) -> None:
    now = datetime.datetime.now(datetime.timezone.utc)
    activity = {"ActivityId": str(uuid.uuid4()), "AutoScalingGroupName": group.name, "AutoScalingGroupARN": group.arn,
                "Description": description, "Cause": cause, "StartTime": now, "EndTime": now, "StatusCode": status,
                "Progress": 100, "Details": json.dumps(details, separators=(",", ":"))}
    if message is not None:
        activity["StatusMessage"] = message
    _activities(group.autoscaling_backend).append(activity)
    if code:
        activity["_eksup_code"] = code  # EC2's error code (not serialized: not in the API's shape)


def launch_failures(backend: Any, group_name: str) -> list[dict[str, Any]]:
    """The group's failed launch activities, oldest first (read by eksup_moto_eks for managed groups)."""
    return [a for a in _activities(backend) if a["AutoScalingGroupName"] == group_name and a["StatusCode"] == "Failed"]


def _patch_models(models: Any) -> None:
    Group, State, Backend = models.FakeAutoScalingGroup, models.InstanceState, models.AutoScalingBackend
    random = models.random

    def suspended_processes(self: Any) -> list[dict[str, str]]:
        """Rule 11: each suspended process with AWS's reason, ``User suspended at <time>``."""
        since = self.__dict__.get("_eksup_suspended") or {}
        return [{"ProcessName": p, "SuspensionReason": f"User suspended at {since[p]}" if p in since else ""}
                for p in self._suspended_processes]

    Group.suspended_processes = property(suspended_processes, Group.suspended_processes.fset)

    original_set_desired = Group.set_desired_capacity

    def set_desired_capacity(self: Any, new_capacity: int | None) -> None:
        """A mixed group without weights runs exactly its desired capacity: AWS rounds the On-Demand
        share up (OnDemandPercentageAboveBaseCapacity); moto rounded both shares down and launched
        none for a desired capacity of 1 at 50%."""
        policy = self.mixed_instances_policy
        overrides = ((policy or {}).get("LaunchTemplate") or {}).get("Overrides") or []
        if policy and not any(o.get("WeightedCapacity") for o in overrides):
            self.mixed_instances_policy = None
            try:
                original_set_desired(self, new_capacity)
            finally:
                self.mixed_instances_policy = policy
        else:
            original_set_desired(self, new_capacity)

    Group.set_desired_capacity = set_desired_capacity

    def replace_autoscaling_group_instances(self: Any, count_needed: int, propagated_tags: dict[str, str]) -> None:
        """moto's launch, with the launch template *version* passed to RunInstances and recorded."""
        propagated_tags[models.ASG_NAME_TAG] = self.name
        propagated_tags.update(self.instance_tags)
        subnet_id = self.vpc_zone_identifier.split(",")[0] if self.vpc_zone_identifier else None
        associate_public_ip = self.launch_config.associate_public_ip_address if self.launch_config else None
        launch_template, source, image_id = None, None, None
        if self.ec2_launch_template:
            template = self.ec2_launch_template
            version = _resolve_version(template, self.launch_template_version)
            launch_template = {"LaunchTemplateId": template.id, "Version": str(version.number)}
            source = ("lt", template.id, int(version.number))
            image_id = version.image_id
        else:
            image_id = self.image_id
            if self.__dict__.get("launch_configuration_name"):
                source = ("lc", self.launch_configuration_name)
        placement = random.choice(self.availability_zones)
        before, wanted = len(self.instance_states), len(self.instance_states) + count_needed
        self.__dict__.pop("_eksup_launch_error", None)
        try:
            reservation = self.autoscaling_backend.ec2_backend.run_instances(
                image_id,
                count_needed,
                self.user_data,
                self.security_groups,
                instance_type=self.instance_type,
                tags={"instance": propagated_tags},
                placement=placement,
                launch_config=self.launch_config,
                launch_template=launch_template,
                is_instance_type_default=False,
                associate_public_ip=associate_public_ip,
                subnet_id=subnet_id,
            )
        except Exception as e:
            if not _launch_failure(e):
                raise
            # AWS: the request that changed the capacity succeeds; the launch fails in a scaling
            # activity (rule 10), and the group stays below its desired capacity.
            message = f"{getattr(e, 'message', None) or e} Launching EC2 instance failed."
            zone = _subnet_zone(self, subnet_id) or placement
            details = {"Subnet ID": subnet_id, "Availability Zone": zone} if subnet_id else {"Availability Zone": zone}
            _record_activity(self, f"Launching a new EC2 instance.  Status Reason: {message}", _launch_cause(before, wanted),
                             "Failed", message, details, code=_error_code(e))
            self._eksup_launch_error = (_error_code(e) or "Client.Error", message)
            return
        for instance in reservation.instances:
            instance.autoscaling_group = self
            instance._eksup_source = source
            self.instance_states.append(State(instance, protected_from_scale_in=self.new_instances_protected_from_scale_in))
            details = {"Subnet ID": instance.subnet_id, "Availability Zone": instance.placement.zone} if instance.subnet_id else \
                {"Availability Zone": instance.placement.zone}
            _record_activity(self, f"Launching a new EC2 instance: {instance.id}", _launch_cause(before, wanted), "Successful",
                             None, details)

    Group.replace_autoscaling_group_instances = replace_autoscaling_group_instances

    original_launch_template = State.launch_template
    original_launch_configuration_name = State.launch_configuration_name

    def launch_template(self: Any) -> dict[str, Any] | None:
        source = _instance_source(self)
        if source is None:
            return original_launch_template.fget(self)
        if source[0] != "lt":
            return None
        name = None
        try:
            name = _ec2_of(self.auto_scaling_group).get_launch_template(source[1]).name
        except Exception:
            pass
        return {"LaunchTemplateId": source[1], "LaunchTemplateName": name, "Version": str(source[2])}

    def launch_configuration_name(self: Any) -> str | None:
        source = _instance_source(self)
        if source is None:
            return original_launch_configuration_name.fget(self)
        return source[1] if source[0] == "lc" else None

    State.launch_template = property(launch_template)
    State.launch_configuration_name = property(launch_configuration_name)

    original_delete = Backend.delete_auto_scaling_group

    def delete_auto_scaling_group(self: Any, group_name: str) -> None:
        with _LOCK:
            original_delete(self, group_name)
            _refreshes(self).pop(group_name, None)
            for key, hook in list(self.lifecycle_hooks.items()):
                if hook.auto_scaling_group_name == group_name:
                    self.lifecycle_hooks.pop(key, None)

    Backend.delete_auto_scaling_group = delete_auto_scaling_group


# ---------------------------------------------------------------------------------------
# Instance refreshes
# ---------------------------------------------------------------------------------------
class Refresh:
    """One instance refresh of a group (kept on the backend: ``backend._eksup_refreshes``)."""

    def __init__(self, group_name: str, strategy: str, preferences: dict[str, Any], desired: dict[str, Any] | None,
                 target: tuple, pending: list[str], warmup: float) -> None:
        _SEQ[0] += 1
        self.seq = _SEQ[0]
        self.id = str(uuid.uuid4())
        self.group_name = group_name
        self.strategy = strategy
        self.preferences = preferences
        self.desired = desired
        self.target = target  # ("lt", template id, number, given version) or ("lc", name)
        self.pending = pending
        self.total = len(pending)
        self.done = 0
        self.warmup = warmup
        self.status = "Pending"
        self.reason: str | None = None
        self.start_time = utcnow()
        self.end_time: datetime.datetime | None = None
        self.batch: dict[str, Any] | None = None
        self.cancel = False
        self.checkpoints = sorted(preferences.get("CheckpointPercentages") or [])
        self.checkpoint_delay = float(preferences.get("CheckpointDelay", 3600)) if self.checkpoints else 0.0
        self.paused_until: float | None = None

    def percentage(self) -> int:
        if self.total == 0:
            return 100 if self.status == "Successful" else 0
        return min(100, self.done * 100 // self.total)

    def to_update(self) -> int:
        return max(0, self.total - self.done)

    def end(self, status: str, reason: str | None = None) -> None:
        self.status = status
        self.reason = reason
        self.end_time = utcnow()
        self.batch = None

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "InstanceRefreshId": self.id,
            "AutoScalingGroupName": self.group_name,
            "Status": self.status,
            "StatusReason": self.reason,
            "StartTime": self.start_time,
            "EndTime": self.end_time,
            "PercentageComplete": self.percentage(),
            "InstancesToUpdate": self.to_update(),
            "ProgressDetails": {"LivePoolProgress": {"PercentageComplete": self.percentage(), "InstancesToUpdate": self.to_update()}},
            "Preferences": self.preferences,
            "Strategy": self.strategy,
        }
        if self.desired:
            out["DesiredConfiguration"] = self.desired
        return out


def _refreshes(backend: Any) -> dict[str, list[Refresh]]:
    return backend.__dict__.setdefault("_eksup_refreshes", {})


def _active_refresh(backend: Any, group_name: str) -> Refresh | None:
    return next((r for r in _refreshes(backend).get(group_name, []) if r.status in ACTIVE), None)


def _hooks(backend: Any, group_name: str, transition: str | None = None) -> list[Any]:
    return [h for h in backend.lifecycle_hooks.values()
            if h.auto_scaling_group_name == group_name and (transition is None or h.lifecycle_transition == transition)]


def _hook(backend: Any, group_name: str, hook_name: str) -> Any:
    return next((h for h in _hooks(backend, group_name) if h.name == hook_name), None)


def _heartbeat_seconds(hook: Any) -> float:
    return KNOBS.heartbeat if KNOBS.heartbeat is not None else float(hook.heartbeat_timeout)


def _global_seconds(hook: Any) -> float:
    return min(100 * _heartbeat_seconds(hook), float(MAX_GLOBAL_TIMEOUT))


def _track(backend: Any) -> None:
    _ACTIVE.add(backend)
    _KNOWN.add(backend)
    _ensure_timer()


def _update_attachments(backend: Any, group: Any) -> None:
    if group.name not in backend.autoscaling_groups:
        return
    try:
        backend.update_attached_elbs(group.name)
        backend.update_attached_target_groups(group.name)
    except Exception:
        traceback.print_exc()


def _terminate(backend: Any, group: Any, state: Any) -> None:
    """Terminating:Proceed -> terminated, out of the group."""
    state.lifecycle_state = "Terminating:Proceed"
    state.__dict__.pop("_eksup_actions", None)
    group.instance_states = [s for s in group.instance_states if s is not state]
    try:
        backend.ec2_backend.terminate_instances([state.instance.id])
    except Exception:
        traceback.print_exc()
    _update_attachments(backend, group)


def _begin_termination(backend: Any, group: Any, state: Any) -> None:
    """InService -> Terminating:Wait (one lifecycle action per terminating hook), or gone at once."""
    hooks = _hooks(backend, group.name, TERMINATING)
    if not hooks:
        _terminate(backend, group, state)
        return
    now = time.monotonic()
    state.lifecycle_state = WAIT
    state._eksup_actions = {
        h.name: {"token": str(uuid.uuid4()), "deadline": now + _heartbeat_seconds(h), "global": now + _global_seconds(h),
                 "result": None, "transition": TERMINATING}
        for h in hooks
    }
    _track(backend)


def _settle_actions(backend: Any, group: Any, state: Any, now: float) -> None:
    actions = state.__dict__.get("_eksup_actions")
    if state.lifecycle_state != WAIT or not actions:
        return
    for name, action in actions.items():
        if action["result"] is not None:
            continue
        hook = _hook(backend, group.name, name)
        if hook is None:
            action["result"] = "ABANDON"
        elif now >= min(action["deadline"], action["global"]):
            action["result"] = hook.default_result
    if all(a["result"] is not None for a in actions.values()):
        _terminate(backend, group, state)


@contextlib.contextmanager
def _launching_from(backend: Any, group: Any, target: tuple) -> Iterator[None]:
    """Point the group at the refresh's desired configuration for one launch."""
    keys = ("ec2_launch_template", "launch_template_version", "launch_config")
    missing = object()
    saved = {k: group.__dict__.get(k, missing) for k in keys}
    try:
        if target[0] == "lt":
            group.ec2_launch_template = backend.ec2_backend.get_launch_template(target[1])
            group.launch_template_version = str(target[2])
            group.launch_config = None
        else:
            group.launch_config = backend.launch_configurations[target[1]]
            group.ec2_launch_template = None
        yield
    finally:
        for key, value in saved.items():
            if value is missing:
                group.__dict__.pop(key, None)
            else:
                group.__dict__[key] = value


def _launch(backend: Any, group: Any, refresh: Refresh, count: int) -> list[str]:
    if count <= 0:
        return []
    before = {s.instance.id for s in group.instance_states}
    with _launching_from(backend, group, refresh.target):
        group.replace_autoscaling_group_instances(count, group.get_propagated_tags())
    _update_attachments(backend, group)
    new = [s.instance.id for s in group.instance_states if s.instance.id not in before]
    failure = group.__dict__.pop("_eksup_launch_error", None)
    if len(new) < count and failure is not None:  # the launch failed (a failed scaling activity)
        raise RuntimeError(failure[1])
    return new


def _adopt(backend: Any, group: Any, refresh: Refresh) -> None:
    """A successful refresh with a DesiredConfiguration: the group now launches from it."""
    if not refresh.desired or refresh.target[0] != "lt":
        return
    template = backend.ec2_backend.get_launch_template(refresh.target[1])
    given = refresh.target[3]
    group.ec2_launch_template = template
    group.launch_template_version = given or "$Default"
    group.provided_launch_template_version = given
    group.launch_config = None
    group.__dict__.pop("launch_configuration_name", None)


def _batch_size(group: Any, refresh: Refresh, remaining: int) -> tuple[int, int]:
    """(instances in the batch, how many of them are terminated before their replacement)."""
    n = group.desired_capacity if group.desired_capacity is not None else len(group.active_instances())
    prefs = refresh.preferences
    surge = max(0, math.floor(n * prefs["MaxHealthyPercentage"] / 100) - n)
    drop = max(0, n - math.ceil(n * prefs["MinHealthyPercentage"] / 100))
    k = min(remaining, max(1, surge + drop))
    return k, max(0, k - surge)


def _advance(backend: Any, refresh: Refresh, now: float) -> None:
    for _ in range(10_000):  # every pass either changes something and continues, or returns
        if refresh.status not in ACTIVE:
            return
        group = backend.autoscaling_groups.get(refresh.group_name)
        if group is None:
            refresh.end("Cancelled", "The Auto Scaling group was deleted.")
            return
        states = {s.instance.id: s for s in group.instance_states}
        batch = refresh.batch
        if batch is not None:
            gone = [i for i in batch["owed"] if i not in states]
            if gone:
                try:
                    new = _launch(backend, group, refresh, len(gone))
                except Exception as e:
                    refresh.end("Failed", f"Could not launch a replacement instance: {getattr(e, 'message', None) or e}")
                    return
                batch["launched"] += [(i, now) for i in new]
                batch["owed"] = [i for i in batch["owed"] if i not in gone]
                continue
            warming = [i for i, t in batch["launched"] if now - t < refresh.warmup and i in states]
            if not batch["after_started"]:
                surge = batch["launched"][: len(batch["after"])]
                if not any(i in warming for i, _ in surge):
                    for i in batch["after"]:
                        state = states.get(i)
                        if state is not None and state.lifecycle_state == "InService":
                            _begin_termination(backend, group, state)
                    batch["after_started"] = True
                    continue
            # Old instances still on their way out (an instance someone else moved, e.g. to Standby,
            # is left alone, as AWS's StandbyInstances=Ignore does).
            old_left = [i for i in batch["ids"] if i in states and states[i].lifecycle_state == WAIT]
            if not old_left and not batch["owed"] and not warming:
                refresh.done += len(batch["ids"])
                refresh.batch = None
                reached = [c for c in refresh.checkpoints if c <= refresh.percentage() and c < 100]
                if reached and not refresh.cancel and refresh.pending:
                    refresh.checkpoints = [c for c in refresh.checkpoints if c > refresh.percentage()]
                    refresh.paused_until = now + refresh.checkpoint_delay
                continue
            waiting = old_left
            if warming:
                refresh.reason = f"Waiting for instances to warm up before continuing. For example: {warming[0]} is warming up."
            elif waiting:
                refresh.reason = (f"Waiting for lifecycle actions to complete before continuing. For example: {waiting[0]} "
                                  f"is in {WAIT}.")
            return
        if refresh.cancel:
            refresh.end("Cancelled")
            return
        if refresh.paused_until is not None:
            if now < refresh.paused_until:
                refresh.reason = (f"Checkpoint reached: {refresh.percentage()}% of the instances are replaced. "
                                  "Waiting for the checkpoint delay to end before continuing.")
                return
            refresh.paused_until = None
        remaining = [i for i in refresh.pending if i in states and states[i].lifecycle_state == "InService"]
        refresh.done += len(refresh.pending) - len(remaining)  # gone without the refresh: nothing left to replace
        refresh.pending = remaining
        if not remaining:
            try:
                _adopt(backend, group, refresh)
            except Exception as e:
                refresh.end("Failed", f"Could not apply the desired configuration: {getattr(e, 'message', None) or e}")
                return
            refresh.done = refresh.total
            refresh.end("Successful")
            return
        k, first_count = _batch_size(group, refresh, len(remaining))
        chosen, refresh.pending = remaining[:k], remaining[k:]
        first, after = chosen[:first_count], chosen[first_count:]
        refresh.status = "InProgress"
        refresh.reason = None
        try:
            surge = _launch(backend, group, refresh, len(after))
        except Exception as e:
            refresh.end("Failed", f"Could not launch a replacement instance: {getattr(e, 'message', None) or e}")
            return
        refresh.batch = {"ids": chosen, "owed": list(first), "after": after, "after_started": not after,
                         "launched": [(i, now) for i in surge]}
        for i in first:
            _begin_termination(backend, group, states[i])


def _tick(backend: Any) -> None:
    """Apply every time-driven change of `backend` (call with _LOCK held)."""
    now = time.monotonic()
    for group in list(backend.autoscaling_groups.values()):
        for state in list(group.instance_states):
            _settle_actions(backend, group, state, now)
    for refreshes in list(_refreshes(backend).values()):
        for refresh in refreshes:
            if refresh.status in ACTIVE:
                _advance(backend, refresh, now)


def _has_work(backend: Any) -> bool:
    if any(r.status in ACTIVE for rs in _refreshes(backend).values() for r in rs):
        return True
    return any(s.lifecycle_state == WAIT for g in backend.autoscaling_groups.values() for s in g.instance_states)


def _timer_loop() -> None:
    while True:
        time.sleep(TICK_SECONDS)
        with _LOCK:
            for backend in list(_ACTIVE):
                try:
                    if not _has_work(backend):
                        _ACTIVE.discard(backend)
                        continue
                    _tick(backend)
                except Exception:
                    traceback.print_exc()


def _ensure_timer() -> None:
    global _TIMER
    if _TIMER is None or not _TIMER.is_alive():
        _TIMER = threading.Thread(target=_timer_loop, name="eksup-asg-refresh", daemon=True)
        _TIMER.start()


# ---------------------------------------------------------------------------------------
# StartInstanceRefresh: validation and set-up
# ---------------------------------------------------------------------------------------
def _validate_constraints(strategy: Any, prefs: dict[str, Any]) -> None:
    problems: list[str] = []
    _check_enum(problems, strategy, "strategy", ["Rolling", "ReplaceRootVolume"])
    _check_range(problems, _int(prefs.get("MinHealthyPercentage")), "preferences.minHealthyPercentage", 0, 100)
    _check_range(problems, _int(prefs.get("InstanceWarmup")), "preferences.instanceWarmup", 0, None)
    for index, value in enumerate(prefs.get("CheckpointPercentages") or [], start=1):
        _check_range(problems, _int(value), f"preferences.checkpointPercentages.{index}.member", 1, 100)
    _check_range(problems, _int(prefs.get("CheckpointDelay")), "preferences.checkpointDelay", 0, 172800)
    _check_enum(problems, prefs.get("ScaleInProtectedInstances"), "preferences.scaleInProtectedInstances", ["Refresh", "Ignore", "Wait"])
    _check_enum(problems, prefs.get("StandbyInstances"), "preferences.standbyInstances", ["Terminate", "Ignore", "Wait"])
    _check_range(problems, _int(prefs.get("MaxHealthyPercentage")), "preferences.maxHealthyPercentage", 100, 200)
    _check_range(problems, _int(prefs.get("BakeTime")), "preferences.bakeTime", 0, 172800)
    if problems:
        raise _constraint_errors(problems)


def _preferences(raw: dict[str, Any], has_desired: bool) -> dict[str, Any]:
    """The preferences as DescribeInstanceRefreshes shows them (AWS's defaults filled in)."""
    given_min, given_max = _int(raw.get("MinHealthyPercentage")), _int(raw.get("MaxHealthyPercentage"))
    if given_max is not None and given_min is None:
        raise _validation("The request isn't valid. You must specify MinHealthyPercentage when you specify MaxHealthyPercentage.")
    min_pct = 90 if given_min is None else given_min
    max_pct = 100 if given_max is None else given_max
    if max_pct - min_pct > 100:
        raise _validation(f"The request isn't valid. The difference between MaxHealthyPercentage ({max_pct}) and "
                          f"MinHealthyPercentage ({min_pct}) cannot be greater than 100.")
    checkpoints = [_int(c) for c in raw.get("CheckpointPercentages") or []]
    if raw.get("CheckpointDelay") not in (None, "") and not checkpoints:
        raise _validation("The request isn't valid. You must specify CheckpointPercentages when you specify CheckpointDelay.")
    if any(b <= a for a, b in zip(checkpoints, checkpoints[1:])):
        raise _validation("The request isn't valid. CheckpointPercentages must be unique and in ascending order.")
    auto_rollback = bool(_bool(raw.get("AutoRollback")))
    if auto_rollback and not has_desired:
        raise _validation(AUTO_ROLLBACK_MESSAGE)
    prefs: dict[str, Any] = {"MinHealthyPercentage": min_pct, "MaxHealthyPercentage": max_pct}
    if raw.get("InstanceWarmup") not in (None, ""):
        prefs["InstanceWarmup"] = _int(raw["InstanceWarmup"])
    if checkpoints:
        prefs["CheckpointPercentages"] = checkpoints
        prefs["CheckpointDelay"] = _int(raw.get("CheckpointDelay")) if raw.get("CheckpointDelay") not in (None, "") else 3600
    prefs["SkipMatching"] = bool(_bool(raw.get("SkipMatching")))
    prefs["AutoRollback"] = auto_rollback
    prefs["ScaleInProtectedInstances"] = raw.get("ScaleInProtectedInstances") or "Ignore"
    prefs["StandbyInstances"] = raw.get("StandbyInstances") or "Ignore"
    if raw.get("AlarmSpecification"):
        prefs["AlarmSpecification"] = raw["AlarmSpecification"]
    if raw.get("BakeTime") not in (None, ""):
        prefs["BakeTime"] = _int(raw["BakeTime"])
    return prefs


def _desired_target(backend: Any, group: Any, desired: dict[str, Any]) -> tuple:
    """("lt", id, number, given version) or ("lc", name) the refresh replaces instances with."""
    ec2 = backend.ec2_backend
    spec = desired.get("LaunchTemplate") or {}
    if spec:
        template_id, template_name = spec.get("LaunchTemplateId"), spec.get("LaunchTemplateName")
        if bool(template_id) == bool(template_name):
            raise _validation("Valid requests must contain either launchTemplateId or LaunchTemplateName")
        try:
            template = ec2.get_launch_template(template_id) if template_id else ec2.get_launch_template_by_name(template_name)
        except Exception:
            what = f"template ID {template_id}" if template_id else f"template name {template_name}"
            raise _validation("You must use a valid fully-formed launch template. "
                              f"The specified launch template, with {what}, does not exist.")
        given = spec.get("Version")
        try:
            version = _resolve_version(template, given)
        except Exception:
            raise _validation(f"You must use a valid fully-formed launch template. The specified launch template version "
                              f"{given} of launch template {template.id} does not exist.")
        return ("lt", template.id, int(version.number), given)
    if group.ec2_launch_template is not None:
        template = group.ec2_launch_template
        version = _resolve_version(template, group.launch_template_version)
        return ("lt", template.id, int(version.number), group.__dict__.get("provided_launch_template_version"))
    return ("lc", group.__dict__.get("launch_configuration_name"))


def _matches(state: Any, target: tuple) -> bool:
    source = _instance_source(state)
    if source is None:
        return False
    return source == target[:3] if target[0] == "lt" else source == target


def _warmup(prefs: dict[str, Any]) -> float:
    if KNOBS.warmup is not None:
        return KNOBS.warmup
    return float(prefs.get("InstanceWarmup") or 0)


# ---------------------------------------------------------------------------------------
# Auto Scaling API
# ---------------------------------------------------------------------------------------
def _patch_responses(responses: Any) -> None:
    from moto.core.responses import ActionResult, EmptyResult

    Response = responses.AutoScalingResponse

    def start_instance_refresh(self: Any) -> Any:
        backend = self.autoscaling_backend
        name = self._get_param("AutoScalingGroupName")
        strategy = self._get_param("Strategy")
        desired = self._get_param("DesiredConfiguration") or {}
        raw = self._get_param("Preferences") or {}
        with _LOCK:
            _tick(backend)
            _validate_constraints(strategy, raw)
            group = backend.autoscaling_groups.get(name)
            if group is None:
                raise _group_not_found(name)
            if _active_refresh(backend, name) is not None:
                raise _client_error("InstanceRefreshInProgress", IN_PROGRESS_MESSAGE)
            if strategy == "ReplaceRootVolume":
                raise _validation("The ReplaceRootVolume strategy is not emulated by eksup's emulator (use Rolling).")
            if desired.get("MixedInstancesPolicy"):
                raise _validation("A DesiredConfiguration with a MixedInstancesPolicy is not emulated by eksup's emulator.")
            prefs = _preferences(raw, bool(desired))
            target = _desired_target(backend, group, desired)
            candidates = []
            for state in group.instance_states:
                if state.lifecycle_state != "InService":
                    continue
                if state.protected_from_scale_in and prefs["ScaleInProtectedInstances"] != "Refresh":
                    continue
                if prefs["SkipMatching"] and _matches(state, target):
                    continue
                candidates.append(state.instance.id)
            echo = None
            if desired.get("LaunchTemplate"):
                echo = {"LaunchTemplate": {k: v for k, v in desired["LaunchTemplate"].items() if v not in (None, "")}}
            refresh = Refresh(name, strategy or "Rolling", prefs, echo, target, candidates, _warmup(prefs))
            _refreshes(backend).setdefault(name, []).append(refresh)
            _track(backend)
            _advance(backend, refresh, time.monotonic())
        return ActionResult({"InstanceRefreshId": refresh.id})

    def describe_instance_refreshes(self: Any) -> Any:
        backend = self.autoscaling_backend
        name = self._get_param("AutoScalingGroupName")
        ids = self._get_param("InstanceRefreshIds") or []
        max_records = _int(self._get_param("MaxRecords"))
        token = self._get_param("NextToken")
        problems: list[str] = []
        _check_range(problems, max_records, "maxRecords", None, 100)
        if problems:
            raise _constraint_errors(problems)
        with _LOCK:
            _tick(backend)
            if name not in backend.autoscaling_groups:
                raise _group_not_found(name)
            found = sorted(_refreshes(backend).get(name, []), key=lambda r: r.seq, reverse=True)
            if ids:
                found = [r for r in found if r.id in ids]
            start = 0
            if token:
                positions = [i for i, r in enumerate(found) if r.id == token]
                if not positions:
                    raise _client_error("InvalidNextToken", f"The token '{token}' is invalid.")
                start = positions[0]
            size = max_records or 50
            page = found[start : start + size]
            result: dict[str, Any] = {"InstanceRefreshes": [r.describe() for r in page]}
            if start + size < len(found):
                result["NextToken"] = found[start + size].id
        return ActionResult(result)

    def cancel_instance_refresh(self: Any) -> Any:
        backend = self.autoscaling_backend
        name = self._get_param("AutoScalingGroupName")
        with _LOCK:
            _tick(backend)
            if name not in backend.autoscaling_groups:
                raise _group_not_found(name)
            refresh = _active_refresh(backend, name)
            if refresh is None:
                raise _client_error("ActiveInstanceRefreshNotFound",
                                    f"No in progress or pending Instance Refresh found for Auto Scaling group {name}")
            refresh.cancel = True
            refresh.status = "Cancelling"
            refresh.reason = None
            _track(backend)
        return ActionResult({"InstanceRefreshId": refresh.id})

    def _find_action(backend: Any, group_name: str, hook_name: str, instance_id: str | None,
                     token: str | None) -> tuple[Any, Any, dict[str, Any]]:
        missing = (f"No active Lifecycle Action found with instance ID {instance_id}" if instance_id
                   else f"No active Lifecycle Action found with token {token}")
        group = backend.autoscaling_groups.get(group_name)
        if group is None or _hook(backend, group_name, hook_name) is None:
            raise _validation(missing)
        for state in group.instance_states:
            actions = state.__dict__.get("_eksup_actions") or {}
            action = actions.get(hook_name)
            if state.lifecycle_state != WAIT or action is None or action["result"] is not None:
                continue
            if instance_id and state.instance.id != instance_id:
                continue
            if token and action["token"] != token:
                continue
            return group, state, action
        raise _validation(missing)

    def _action_params(self: Any) -> tuple[str, str, str | None, str | None]:
        group_name = self._get_param("AutoScalingGroupName")
        hook_name = self._get_param("LifecycleHookName")
        instance_id = self._get_param("InstanceId") or None
        token = self._get_param("LifecycleActionToken") or None
        if not instance_id and not token:
            raise _validation("The request isn't valid. Specify either an InstanceId or a LifecycleActionToken.")
        return group_name, hook_name, instance_id, token

    def complete_lifecycle_action(self: Any) -> Any:
        backend = self.autoscaling_backend
        group_name, hook_name, instance_id, token = _action_params(self)
        result = self._get_param("LifecycleActionResult")
        if result not in ("CONTINUE", "ABANDON"):
            raise _validation(f"The request isn't valid. LifecycleActionResult must be CONTINUE or ABANDON, not {result}.")
        with _LOCK:
            _tick(backend)
            group, state, action = _find_action(backend, group_name, hook_name, instance_id, token)
            action["result"] = result
            if result == "ABANDON":  # AWS: ABANDON stops the instance's remaining lifecycle actions
                for other in state._eksup_actions.values():
                    if other["result"] is None:
                        other["result"] = "ABANDON"
            _tick(backend)
        return EmptyResult()

    def record_lifecycle_action_heartbeat(self: Any) -> Any:
        backend = self.autoscaling_backend
        group_name, hook_name, instance_id, token = _action_params(self)
        with _LOCK:
            _tick(backend)
            _, _, action = _find_action(backend, group_name, hook_name, instance_id, token)
            hook = _hook(backend, group_name, hook_name)
            action["deadline"] = min(time.monotonic() + _heartbeat_seconds(hook), action["global"])
        return EmptyResult()

    Response.start_instance_refresh = start_instance_refresh
    Response.describe_instance_refreshes = describe_instance_refreshes
    Response.cancel_instance_refresh = cancel_instance_refresh
    Response.complete_lifecycle_action = complete_lifecycle_action
    Response.record_lifecycle_action_heartbeat = record_lifecycle_action_heartbeat

    # Lazy progress on the describes eksup polls.
    for method in ("describe_auto_scaling_groups", "describe_auto_scaling_instances"):
        original = getattr(Response, method)

        def lazy(self: Any, _original: Any = original) -> Any:
            with _LOCK:
                _tick(self.autoscaling_backend)
            return _original(self)

        setattr(Response, method, lazy)

    original_create = Response.create_auto_scaling_group

    def create_auto_scaling_group(self: Any) -> Any:
        _check_mixed_instances_policy(self._get_param("MixedInstancesPolicy"))
        return original_create(self)

    Response.create_auto_scaling_group = create_auto_scaling_group

    original_update = Response.update_auto_scaling_group

    def update_auto_scaling_group(self: Any) -> Any:
        name = self._get_param("AutoScalingGroupName")
        _check_mixed_instances_policy(self._get_param("MixedInstancesPolicy"))
        with _LOCK:
            refresh = _active_refresh(self.autoscaling_backend, name)
            changes_launch = any(self._get_param(p) for p in ("LaunchTemplate", "LaunchConfigurationName", "MixedInstancesPolicy"))
            if refresh is not None and refresh.desired and changes_launch:
                raise _validation(DESIRED_CONFIG_LOCK_MESSAGE)
        return original_update(self)

    Response.update_auto_scaling_group = update_auto_scaling_group

    def describe_scaling_activities(self: Any) -> Any:
        """Rule 10: the recorded launch activities, newest first (moto answered none)."""
        from moto.core.responses import ActionResult

        backend = self.autoscaling_backend
        name = self._get_param("AutoScalingGroupName")
        ids = self._get_param("ActivityIds") or []
        include_deleted = str(self._get_param("IncludeDeletedGroups") or "false").lower() == "true"
        limit = _int(self._get_param("MaxRecords")) or 100
        if limit < 1 or limit > 100:
            raise _constraint_errors([f"Value '{limit}' at 'maxRecords' failed to satisfy constraint: Member must have value "
                                      f"{'greater than or equal to 1' if limit < 1 else 'less than or equal to 100'}"])
        with _LOCK:
            _tick(backend)
            found = [a for a in reversed(_activities(backend))
                     if (not name or a["AutoScalingGroupName"] == name) and (not ids or a["ActivityId"] in ids)
                     and (include_deleted or a["AutoScalingGroupName"] in backend.autoscaling_groups)]
        token = self._get_param("NextToken")
        start = 0
        if token:
            try:
                start = int(token)
            except ValueError:
                raise _client_error("InvalidNextToken", "The token provided is invalid.")
        page = found[start:start + limit]
        result: dict[str, Any] = {"Activities": page}
        if start + limit < len(found):
            result["NextToken"] = str(start + limit)
        return ActionResult(result)

    Response.describe_scaling_activities = describe_scaling_activities

    def put_lifecycle_hook(self: Any) -> Any:
        backend = self.autoscaling_backend
        group_name = self._get_param("AutoScalingGroupName")
        hook_name = self._get_param("LifecycleHookName")
        transition = self._get_param("LifecycleTransition")
        timeout = _int(self._get_param("HeartbeatTimeout"))
        default = self._get_param("DefaultResult")
        if group_name not in backend.autoscaling_groups:
            raise _group_not_found(group_name)
        if transition is not None and transition not in (LAUNCHING, TERMINATING):
            raise _validation(f"The request isn't valid. Invalid LifecycleTransition {transition}: "
                              f"it must be {LAUNCHING} or {TERMINATING}.")
        if timeout is not None and not 30 <= timeout <= 7200:
            raise _validation(f"The request isn't valid. HeartbeatTimeout {timeout} must be between 30 and 7200 seconds.")
        if default is not None and default not in ("CONTINUE", "ABANDON"):
            raise _validation(f"The request isn't valid. DefaultResult {default} must be CONTINUE or ABANDON.")
        with _LOCK:
            hook = _hook(backend, group_name, hook_name)
            if hook is None:
                if not transition:
                    raise _validation("The request isn't valid. LifecycleTransition is required when you create a lifecycle hook.")
                hook = backend.create_lifecycle_hook(name=hook_name, as_name=group_name, transition=transition,
                                                     timeout=timeout, result=default)
                hook.role_arn = None
                hook.notification_target_arn = None
                hook.notification_metadata = None
            else:
                if transition:
                    hook.lifecycle_transition = transition
                if timeout is not None:
                    hook.heartbeat_timeout = timeout
                if default:
                    hook.default_result = default
            for param, attr in (("RoleARN", "role_arn"), ("NotificationTargetARN", "notification_target_arn"),
                                ("NotificationMetadata", "notification_metadata")):
                value = self._get_param(param)
                if value is not None:
                    setattr(hook, attr, value or None)
            hook.global_timeout = min(100 * int(hook.heartbeat_timeout), MAX_GLOBAL_TIMEOUT)
        return EmptyResult()

    Response.put_lifecycle_hook = put_lifecycle_hook

    original_delete_hook = Response.delete_lifecycle_hook

    def delete_lifecycle_hook(self: Any) -> Any:
        with _LOCK:
            answer = original_delete_hook(self)
            _tick(self.autoscaling_backend)  # open actions of the hook end (ABANDON)
        return answer

    Response.delete_lifecycle_hook = delete_lifecycle_hook

    def enable_metrics_collection(self: Any) -> Any:
        name = self._get_param("AutoScalingGroupName")
        granularity = self._get_param("Granularity")
        metrics = self._get_param("Metrics") or []
        group = self.autoscaling_backend.autoscaling_groups.get(name)
        if group is None:
            raise _group_not_found(name)
        if granularity != "1Minute":
            raise _validation(f"Granularity '{granularity}' is not valid: the only valid value is 1Minute")
        unknown = [m for m in metrics if m not in METRICS]
        if unknown:
            raise _validation(f"Metric '{unknown[0]}' is not a valid Auto Scaling group metric")
        enabled = list(group.metrics or [])
        enabled.extend(m for m in (metrics or METRICS) if m not in enabled)
        group.enable_metrics_collection(enabled)
        return EmptyResult()

    Response.enable_metrics_collection = enable_metrics_collection
    _patch_processes(Response)
    _patch_tags(Response)


def _patch_processes(Response: Any) -> None:
    """Rule 11: SuspendProcesses and ResumeProcesses with AWS's names and reasons."""
    from moto.core.responses import EmptyResult

    def change(self: Any, suspend: bool) -> Any:
        name = self._get_param("AutoScalingGroupName")
        processes = self._get_param("ScalingProcesses", []) or []
        group = self.autoscaling_backend.autoscaling_groups.get(name)
        if group is None:
            raise _group_not_found(name)
        unknown = [p for p in processes if p not in PROCESSES]
        if unknown:
            raise _validation(f"'{unknown[0]}' is not a valid scaling process")
        since = group.__dict__.setdefault("_eksup_suspended", {})
        for process in processes or PROCESSES:
            if suspend:
                since.setdefault(process, utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"))
            else:
                since.pop(process, None)
        group.suspended_processes = [p for p in PROCESSES if p in since]
        return EmptyResult()

    Response.suspend_processes = lambda self: change(self, True)
    Response.resume_processes = lambda self: change(self, False)


def _patch_tags(Response: Any) -> None:
    """Rule 12: CreateOrUpdateTags on groups that exist, within AWS's 50 tags a group."""
    original = Response.create_or_update_tags

    def create_or_update_tags(self: Any) -> Any:
        backend = self.autoscaling_backend
        tags = self._get_param("Tags", []) or []
        added: dict[str, set[str]] = {}
        for tag in tags:
            name = tag.get("ResourceId")
            group = backend.autoscaling_groups.get(name)
            if group is None:
                raise _group_not_found(name)
            added.setdefault(name, {t["Key"] for t in group.tags}).add(tag.get("Key"))
        for name, keys in added.items():
            if len(keys) > MAX_GROUP_TAGS:
                raise _client_error("LimitExceeded", f"The Auto Scaling group {name} would have {len(keys)} tags, "
                                                     f"but a group can have at most {MAX_GROUP_TAGS} tags.")
        return original(self)

    Response.create_or_update_tags = create_or_update_tags


# ---------------------------------------------------------------------------------------
# Test route: open lifecycle actions (AWS would notify the hook's target with the token)
# ---------------------------------------------------------------------------------------
def lifecycle_actions() -> list[dict[str, Any]]:
    out = []
    now = time.monotonic()
    with _LOCK:
        for backend in list(_KNOWN):
            _tick(backend)
            for group in backend.autoscaling_groups.values():
                for state in group.instance_states:
                    for name, action in (state.__dict__.get("_eksup_actions") or {}).items():
                        if state.lifecycle_state != WAIT or action["result"] is not None:
                            continue
                        out.append({"region": backend.region_name, "autoScalingGroupName": group.name, "lifecycleHookName": name,
                                    "lifecycleTransition": action["transition"], "instanceId": state.instance.id,
                                    "lifecycleActionToken": action["token"],
                                    "secondsLeft": round(max(0.0, min(action["deadline"], action["global"]) - now), 3)})
    return out


def _patch_test_control() -> None:
    host = eksup_moto_strict._host()
    original = host.TestControl.control

    def control(self: Any, environ: dict[str, Any], route: str) -> tuple[int, bytes]:
        if route == "autoscaling/lifecycle-actions" and environ.get("REQUEST_METHOD", "GET") == "GET":
            return 200, json.dumps(lifecycle_actions()).encode()
        return original(self, environ, route)

    host.TestControl.control = control


# ---------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------
def install() -> None:
    """Apply the patches of this module (called once per process, after eksup_moto_strict.install())."""
    global KNOBS
    KNOBS = Knobs()
    eksup_moto_strict._register("moto.autoscaling.models", _patch_models)
    eksup_moto_strict._register("moto.autoscaling.responses", _patch_responses)
    _patch_test_control()
