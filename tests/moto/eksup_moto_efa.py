"""Elastic Fabric Adapter launches for eksup's moto emulator (installed by ``eksup_moto.install()``).

What moto 5.2.5 already did: DescribeInstanceTypes answers AWS's ``NetworkInfo`` for every type of
its catalog (``EfaSupported``, ``EfaInfo.MaximumEfaInterfaces``, ``MaximumNetworkCards``,
``NetworkCards[].MaximumNetworkInterfaces``, ``MaximumNetworkInterfaces``; e.g. c5n.18xlarge:
EFA, 1 card; p4d.24xlarge: EFA, 4 cards, 4 EFA interfaces; m5.large: no EFA) and the filter
``network-info.efa-supported``: nothing to add there. What it did not: RunInstances ignored a
launch template's ``NetworkInterfaces`` (the instance got one plain interface, in no group of the
template) and launched an ``efa`` interface on any type, on any card, beside instance-level
security groups. On AWS each of those launches is refused, and an Auto Scaling group (a managed
node group's too) records the refusal as a failed activity while its nodes never come.

Sources: the EC2 API reference (RunInstances; InstanceNetworkInterfaceSpecification and
LaunchTemplateInstanceNetworkInterfaceSpecificationRequest: ``InterfaceType`` ``interface`` |
``efa`` | ``efa-only``, ``NetworkCardIndex``, ``AssociatePublicIpAddress`` "You cannot specify
more than one network interface in the request"; NetworkInfo, EfaInfo), the EC2 user guide
("Elastic Fabric Adapter", "Network cards": an index below the type's ``MaximumNetworkCards``;
"up to one EFA per network card"), CloudFormation's ``LaunchTemplateData.NetworkInterfaces`` (the
groups go in the interfaces). Wordings marked UNVERIFIED are ours or seen only outside AWS's docs.

Rules, checked on the launch's interfaces (the request's, else its launch template's) against
the launched type, before moto launches (so RunInstances, Auto Scaling activities and EKS's
managed group launches all refuse them):

* an ``efa`` or ``efa-only`` interface on a type whose ``EfaSupported`` is false ->
  ``UnsupportedOperation`` "EFA interfaces are not supported on <type>" (UNVERIFIED: the wording
  seen in openshift's installer);
* a ``NetworkCardIndex`` at or above the type's ``MaximumNetworkCards``, or more EFA interfaces
  than ``EfaInfo.MaximumEfaInterfaces`` -> ``AttachmentLimitExceeded`` (UNVERIFIED wording);
* network interfaces with instance-level ``SecurityGroupIds`` (the request's or the template's)
  -> ``InvalidParameterCombination`` "Network interfaces and an instance-level security groups
  may not be specified on the same request" (UNVERIFIED: the wording seen in pulumi-aws#2506);
* ``AssociatePublicIpAddress`` with more than one interface -> ``InvalidParameterCombination``
  "The associatePublicIPAddress parameter cannot be specified when launching with multiple
  network interfaces." (UNVERIFIED: widely quoted).

Kubernetes (``eksup_moto_k8s``, through its reconcile hooks): while the DaemonSet
``kube-system/aws-efa-k8s-device-plugin`` (eksctl's EFA device plugin) exists, each node whose
instance has EFA interfaces and which the DaemonSet's node selector and required node affinity
admit (eksctl's: ``node.kubernetes.io/instance-type`` In the EFA types,
``eks.amazonaws.com/compute-type`` NotIn ``auto``) gets a pod of it and advertises
``vpc.amazonaws.com/efa: <its EFA interfaces>`` in its capacity and allocatable, as the plugin
makes the kubelet do (EKS user guide, "Run machine learning training on Amazon EKS with Elastic
Fabric Adapter"); without the DaemonSet no node advertises it. Before, a DaemonSet a client
made got no pods at all.

A launch with more than one interface gets no public IPv4 address even in a subnet that maps
one on launch (the EC2 user guide, "Assign a public IPv4 address during instance launch": "You
can't auto-assign a public IP address if you specify more than one network interface"; moto
gave one): in a public subnet its node then has no way out (``eksup_moto_private``) and never
joins, as on AWS.

Not enforced, as AWS does not: the EFA security group's rule to itself (without it the launch
succeeds and only EFA traffic fails). A launch from a template with interfaces puts its primary
interface in the first interface's groups (moto put it in none), and the instance remembers how
many EFA interfaces it has (``eksup_moto_k8s``: the EFA device plugin advertises them). EKS's
copy of a managed group's launch template (``eksup_moto_eks``, ``eks-<uuid>``) keeps the user's
interfaces, as EKS does; before, it moved their groups to ``SecurityGroupIds`` and dropped them.
"""

from __future__ import annotations

from typing import Any

from eksup_moto_strict import _register

EFA_TYPES = ("efa", "efa-only")


def _refused(code: str, message: str) -> Exception:
    from eksup_moto_capacity import _error

    return _error(code, message, launch=True)


def _network_info(instance_type: str) -> dict[str, Any]:
    from moto.ec2.models.instance_types import INSTANCE_TYPES

    return (INSTANCE_TYPES.get(instance_type) or {}).get("NetworkInfo") or {}


def _template(backend: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    if not kwargs.get("launch_template"):
        return {}
    try:
        return backend._get_template_from_args(kwargs["launch_template"]).data or {}
    except Exception:
        return {}


def launch_interfaces(backend: Any, kwargs: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str], str]:
    """The launch's network interfaces, instance-level security groups and instance type."""
    template = _template(backend, kwargs)
    nics = list(kwargs.get("nics") or []) or list(template.get("NetworkInterfaces") or [])
    groups = list(kwargs.get("security_group_ids") or []) or list(template.get("SecurityGroupIds") or [])
    instance_type = kwargs.get("instance_type") or ""
    if (kwargs.get("is_instance_type_default") or not instance_type) and template.get("InstanceType"):
        instance_type = template["InstanceType"]
    return nics, groups, instance_type


def _yes(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def check_launch(backend: Any, kwargs: dict[str, Any]) -> int:
    """Refuse a launch EC2 refuses for its interfaces; the number of EFA interfaces it has."""
    nics, groups, instance_type = launch_interfaces(backend, kwargs)
    if not nics:
        return 0
    if groups:
        raise _refused("InvalidParameterCombination",
                       "Network interfaces and an instance-level security groups may not be specified on the same request")
    if len(nics) > 1 and (_yes(kwargs.get("associate_public_ip")) or any(_yes(n.get("AssociatePublicIpAddress")) for n in nics)):
        raise _refused("InvalidParameterCombination",
                       "The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.")
    info = _network_info(instance_type)
    efa = [n for n in nics if (n.get("InterfaceType") or "interface") in EFA_TYPES]
    if efa and not info.get("EfaSupported"):
        raise _refused("UnsupportedOperation", f"EFA interfaces are not supported on {instance_type}")
    cards = int(info.get("MaximumNetworkCards") or 1)
    for n in nics:
        card = int(n.get("NetworkCardIndex") or 0)
        if card >= cards:
            raise _refused("AttachmentLimitExceeded",
                           f"Network card index {card} exceeds the limit of {cards} network card(s) for {instance_type}")
    most = int((info.get("EfaInfo") or {}).get("MaximumEfaInterfaces") or 0)
    if len(efa) > most:
        raise _refused("AttachmentLimitExceeded", f"EFA interface count {len(efa)} exceeds the limit of {most} for {instance_type}")
    return len(efa)


def _patch_instances(module: Any) -> None:
    Backend = module.InstanceBackend
    original = Backend.run_instances

    def run_instances(self: Any, image_id: str, count: int, user_data: Any, security_group_names: list[str], **kwargs: Any) -> Any:
        efa = check_launch(self, kwargs)
        nics, _, _ = launch_interfaces(self, kwargs)
        if nics and not kwargs.get("nics") and not kwargs.get("security_group_ids"):
            # AWS: the primary interface is in the groups the template gives it.
            primary = next((n for n in nics if int(n.get("DeviceIndex") or 0) == 0), nics[0])
            kwargs["security_group_ids"] = list(primary.get("Groups") or [])
        if len(nics) > 1:
            # AWS: an instance launched with several interfaces gets no public address, whatever
            # its subnet's MapPublicIpOnLaunch.
            kwargs["associate_public_ip"] = False
        reservation = original(self, image_id, count, user_data, security_group_names, **kwargs)
        for instance in reservation.instances:
            instance._eksup_efa_interfaces = efa
        return reservation

    Backend.run_instances = run_instances


PLUGIN = ("kube-system", "aws-efa-k8s-device-plugin")
EFA_RESOURCE = "vpc.amazonaws.com/efa"


def _efa_nodes(ctx: Any, ds: dict[str, Any] | None) -> dict[str, int]:
    """The nodes the plugin runs on, with their EFA interfaces."""
    from eksup_moto_k8s import node_selected

    if ds is None:
        return {}
    spec = ds["spec"]["template"]["spec"]
    by_id = {inst.id: inst for inst, _ in ctx.instances()}
    out = {}
    for node in ctx.store.list("nodes"):
        inst = by_id.get((node.get("spec") or {}).get("providerID", "").rsplit("/", 1)[-1])
        count = int(getattr(inst, "_eksup_efa_interfaces", 0) or 0)
        if count and node_selected(spec, node):
            out[node["metadata"]["name"]] = count
    return out


def reconcile_device_plugin(ctx: Any) -> None:
    """The EFA device plugin's pods, and the resource it makes each of their nodes advertise."""
    import copy

    from eksup_moto_k8s import pod_ready, rand_suffix

    store = ctx.store
    ds = store.get("daemonsets", *PLUGIN)
    efa = _efa_nodes(ctx, ds)
    for node in store.list("nodes"):
        want = efa.get(node["metadata"]["name"])
        status = node.get("status") or {}
        if (status.get("capacity") or {}).get(EFA_RESOURCE) == (str(want) if want else None):
            continue
        node = copy.deepcopy(node)
        for key in ("capacity", "allocatable"):
            resources = node["status"].setdefault(key, {})
            resources.pop(EFA_RESOURCE, None)
            if want:
                resources[EFA_RESOURCE] = str(want)
        store.update("nodes", node)
    uid = ds["metadata"]["uid"] if ds is not None else None
    for pod in store.list("pods", PLUGIN[0]):  # the garbage collector: pods of a DaemonSet gone
        if any(r.get("kind") == "DaemonSet" and r.get("name") == PLUGIN[1] and r.get("uid") != uid
               for r in pod["metadata"].get("ownerReferences") or []):
            store.delete("pods", PLUGIN[0], pod["metadata"]["name"])
    if ds is None:
        return
    owned = [p for p in store.list("pods", PLUGIN[0]) if any(r.get("uid") == uid for r in p["metadata"].get("ownerReferences") or [])]
    have = set()
    for pod in owned:
        node = pod["spec"].get("nodeName")
        if node not in efa or node in have:
            store.delete("pods", PLUGIN[0], pod["metadata"]["name"])
        else:
            have.add(node)
    template = ds["spec"]["template"]
    for node in efa:
        if node in have:
            continue
        store.create("pods", {
            "metadata": {"name": f"{PLUGIN[1]}-{rand_suffix()}", "namespace": PLUGIN[0], "labels": dict(template["metadata"].get("labels") or {}),
                         "ownerReferences": [{"apiVersion": "apps/v1", "kind": "DaemonSet", "name": PLUGIN[1], "uid": uid,
                                              "controller": True, "blockOwnerDeletion": True}]},
            "spec": {**copy.deepcopy(template["spec"]), "nodeName": node}, "status": {"phase": "Pending", "qosClass": "Burstable"}})
    pods = [p for p in store.list("pods", PLUGIN[0]) if any(r.get("uid") == uid for r in p["metadata"].get("ownerReferences") or [])]
    ready = sum(1 for p in pods if pod_ready(p))
    status = {"currentNumberScheduled": len(efa), "desiredNumberScheduled": len(efa), "numberMisscheduled": 0,
              "numberReady": ready, "numberAvailable": ready, "updatedNumberScheduled": len(efa),
              "observedGeneration": ds["metadata"].get("generation", 1)}
    if len(efa) - ready:
        status["numberUnavailable"] = len(efa) - ready
    if ds.get("status") != status:
        ds = copy.deepcopy(ds)
        ds["status"] = status
        store.update("daemonsets", ds)


def install() -> None:
    """Apply the patches of this module (called once per process)."""
    import eksup_moto_k8s

    _register("moto.ec2.models.instances", _patch_instances)
    eksup_moto_k8s.RECONCILE_HOOKS.append(reconcile_device_plugin)
