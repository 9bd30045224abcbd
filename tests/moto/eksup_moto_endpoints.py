"""VPC endpoints and private-only cluster endpoints: what a fully-private EKS cluster needs from
AWS (installed by ``eksup_moto.install()``, after ``eksup_moto_strict`` and ``eksup_moto_k8s``).

Sources: the EC2 API reference (CreateVpcEndpoint, DescribeVpcEndpointServices), the PrivateLink
guide "Access an AWS service using an interface VPC endpoint" (private DNS needs the VPC's
``enableDnsSupport`` and ``enableDnsHostnames``; one subnet per Availability Zone; a zone the
service does not offer is refused), the EKS user guide "Cluster API server endpoint" (with public
access off the endpoint's name resolves to private addresses only: callers outside the VPC cannot
connect; ``publicAccessCidrs`` limits who reaches the public endpoint) and "Deploy private
clusters with limited internet access" (the endpoints a private cluster's nodes need), and
eksctl's ``pkg/cfn/builder/vpc_endpoint.go`` (what eksctl asks for).

* **DescribeVpcEndpointServices** (moto answered HTTP 500 to its ``service-name`` filter, fixed): moto builds its catalogue by importing every service's
  backend, and its CloudFormation backend needs ``openapi_spec_validator``, which the emulator
  does not install: the call failed. Here the catalogue is static: interface services for the
  AWS services EKS clusters use (``ec2``, ``ecr.api``, ``ecr.dkr``, ``sts``, ``logs``,
  ``autoscaling``, ``cloudformation``, ``eks``, ``eks-auth``, ``elasticloadbalancing``, ``ssm``,
  ``ssmmessages``, ``ec2messages``, ``secretsmanager``, ``kms``), and for ``s3`` both the gateway
  and the interface service, as AWS lists them (two entries of one name), each in every zone of
  the region (UNVERIFIED: AWS offers some services in fewer zones; none is modelled so).
  An unknown name in ``ServiceNames`` -> ``InvalidServiceName`` "The Vpc Endpoint Service
  '<name>' does not exist" (eksctl reads this code as "fully-private clusters are not supported
  in this region").
* **CreateVpcEndpoint**, checked before anything is made, each ``InvalidParameter`` unless said:
  a service not in the catalogue with that type -> ``InvalidServiceName``; an interface endpoint
  with two subnets in one zone -> ``DuplicateSubnetsInSameZone`` "Found another VPC endpoint
  subnet in the availability zone of <subnet>. VPC endpoint subnets should be in different
  availability zones supported by the VPC endpoint service."; a subnet in a zone the service does
  not offer -> "The VPC endpoint service <name> does not support the availability zone of the
  subnet: <subnet>."; a subnet or security group of another VPC -> "The subnet ID '<id>' does not
  belong to the VPC '<vpc>'" (groups: "...security group..."); private DNS while the VPC lacks DNS
  support or hostnames -> "Enabling private DNS requires both enableDnsSupport and
  enableDnsHostnames VPC attributes set to true for <vpc>"; a second private-DNS interface
  endpoint of one service in one VPC -> "private-dns-enabled cannot be set because there is
  already a conflicting DNS domain for <service dns name> in the VPC <vpc>" (the wordings are
  AWS's as reported in terraform-provider-aws and CDK issues; UNVERIFIED to the letter).
* **DeleteSecurityGroup** -> ``DependencyViolation`` "resource <sg> has a dependent object" while
  an endpoint that is not ``deleted`` uses the group (its network interfaces do, in AWS).
  DeleteSubnet (the endpoint's network interfaces) and DeleteVpc (its endpoints) are refused by
  ``eksup_moto_strict`` already.
* **The Kubernetes API from outside the VPC**: the test machine (kubectl, eksup) is outside every
  VPC. A cluster whose ``endpointPublicAccess`` is false, or whose ``publicAccessCidrs`` do not hold
  the caller's address (``EKSUP_MOTO_CALLER_IP``, default ``203.0.113.10``, an address of the
  internet as AWS would see it), answers no request from it: the connection is closed after the
  TLS handshake (AWS: the name resolves to private addresses, so the connection fails; a closed
  connection rather than a hang keeps tests quick). Access changes take effect when
  UpdateClusterConfig is called (``eksup_moto_eks``).

Not modelled (a leniency): nodes still join whatever their network; on AWS a node in a subnet
without a route to the internet and without these endpoints never registers.
"""

from __future__ import annotations

import ipaddress
import os
from typing import Any

INTERFACE_SERVICES = (
    "ec2", "ecr.api", "ecr.dkr", "sts", "logs", "autoscaling", "cloudformation", "eks", "eks-auth",
    "elasticloadbalancing", "ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms", "s3",
)
GATEWAY_SERVICES = ("s3", "dynamodb")
CALLER_IP = os.environ.get("EKSUP_MOTO_CALLER_IP", "203.0.113.10")


def catalogue(region: str, zones: list[str]) -> list[dict[str, Any]]:
    """The endpoint services of `region`, as DescribeVpcEndpointServices lists them."""
    from moto.core.base_backend import BaseBackend

    out: list[dict[str, Any]] = []
    for service in INTERFACE_SERVICES:
        out.extend(BaseBackend.default_vpc_endpoint_service_factory(region, zones, service, "Interface"))
    for service in GATEWAY_SERVICES:
        out.extend(BaseBackend.default_vpc_endpoint_service_factory(region, zones, service, "Gateway", private_dns_names=False))
    return out


def _error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _service(backend: Any, name: str, kind: str) -> dict[str, Any] | None:
    zones = [z.name for z in backend.describe_availability_zones()]
    for s in catalogue(backend.region_name, zones):
        if s["ServiceName"] == name and any(t["ServiceType"].lower() == kind.lower() for t in s["ServiceType"]):
            return s
    return None


def _check_create(backend: Any, vpc_id: str, service_name: str, endpoint_type: str | None,
                  subnet_ids: list[str] | None, security_group_ids: list[str] | None,
                  private_dns_enabled: bool | None) -> None:
    kind = (endpoint_type or "Gateway").lower()
    service = _service(backend, service_name, kind)
    if service is None:
        raise _error("InvalidServiceName", f"The Vpc Endpoint Service '{service_name}' does not exist")
    vpc = backend.get_vpc(vpc_id)
    if kind != "interface":
        return
    seen: dict[str, str] = {}
    for subnet_id in subnet_ids or []:
        subnet = backend.get_subnet(subnet_id)
        if subnet.vpc_id != vpc_id:
            raise _error("InvalidParameter", f"The subnet ID '{subnet_id}' does not belong to the VPC '{vpc_id}'")
        if subnet.availability_zone in seen:
            raise _error("DuplicateSubnetsInSameZone", f"Found another VPC endpoint subnet in the availability zone of {subnet_id}. "
                         "VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.")
        if subnet.availability_zone not in service["AvailabilityZones"]:
            raise _error("InvalidParameter", f"The VPC endpoint service {service_name} does not support the availability zone of the subnet: {subnet_id}.")
        seen[subnet.availability_zone] = subnet_id
    for group_id in security_group_ids or []:
        group = backend.get_security_group_from_id(group_id)
        if group is None:
            raise _error("InvalidSecurityGroupId.NotFound", f"The security group '{group_id}' does not exist")
        if group.vpc_id != vpc_id:
            raise _error("InvalidParameter", f"The security group ID '{group_id}' does not belong to the VPC '{vpc_id}'")
    if private_dns_enabled is None or private_dns_enabled:
        support = vpc.enable_dns_support in (True, "true")
        hostnames = vpc.enable_dns_hostnames in (True, "true")
        if not (support and hostnames):
            raise _error("InvalidParameter", f"Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for {vpc_id}")
        for other in backend.vpc_end_points.values():
            if (other.vpc_id == vpc_id and other.service_name == service_name and other.state != "deleted"
                    and (other.vpc_endpoint_type or "").lower() == "interface" and other.private_dns_enabled):
                dns = service.get("PrivateDnsName", service_name)
                raise _error("InvalidParameter", f"private-dns-enabled cannot be set because there is already a conflicting DNS domain for {dns} in the VPC {vpc_id}")


def _patch_ec2() -> None:
    from moto.ec2.models.security_groups import SecurityGroupBackend
    from moto.ec2.models.vpcs import VPCBackend

    def collect(account_id: str, region: str) -> list[dict[str, Any]]:
        from moto.ec2.models import ec2_backends

        zones = [z.name for z in ec2_backends[account_id][region].describe_availability_zones()]
        return catalogue(region, zones)

    VPCBackend._collect_default_endpoint_services = staticmethod(collect)  # type: ignore[assignment]

    # moto reads a filter's values under "Value" where its parser gives "Values" (a KeyError,
    # HTTP 500, for `service-name`, the filter eksctl and eksup send): give it both.
    original_filter = VPCBackend._filter_endpoint_services

    def filter_services(names: list[str], filters: list[dict[str, Any]], services: list[dict[str, Any]]) -> list[dict[str, Any]]:
        fixed = [{**f, "Value": f.get("Value", f.get("Values", []))} for f in filters or []]
        return original_filter(names, fixed, services)

    VPCBackend._filter_endpoint_services = staticmethod(filter_services)  # type: ignore[assignment]

    original_create = VPCBackend.create_vpc_endpoint

    def create_vpc_endpoint(self: Any, vpc_id: str, service_name: str, endpoint_type: str | None, *args: Any, **kwargs: Any) -> Any:
        for existing in self.vpc_end_points.values():  # ClientToken: the same request makes one endpoint
            token = kwargs.get("client_token")
            if token and existing.client_token == token and existing.state != "deleted":
                return existing
        _check_create(self, vpc_id, service_name, endpoint_type, kwargs.get("subnet_ids"),
                      kwargs.get("security_group_ids"), kwargs.get("private_dns_enabled"))
        return original_create(self, vpc_id, service_name, endpoint_type, *args, **kwargs)

    VPCBackend.create_vpc_endpoint = create_vpc_endpoint

    original_delete_sg = SecurityGroupBackend.delete_security_group

    def delete_security_group(self: Any, name: str | None = None, group_id: str | None = None) -> None:
        if group_id and any(group_id in (e.security_group_ids or []) and e.state != "deleted" for e in self.vpc_end_points.values()):
            from moto.ec2.exceptions import DependencyViolationError

            raise DependencyViolationError(f"resource {group_id} has a dependent object")
        return original_delete_sg(self, name=name, group_id=group_id)

    SecurityGroupBackend.delete_security_group = delete_security_group


def refuses_caller(vpc_config: dict[str, Any], caller: str = CALLER_IP) -> str | None:
    """Why the cluster's API answers no request from the test machine, or None."""
    if not vpc_config.get("endpointPublicAccess", True):
        return "the public endpoint is off"
    cidrs = vpc_config.get("publicAccessCidrs") or ["0.0.0.0/0"]
    address = ipaddress.ip_address(caller)
    if not any(address in ipaddress.ip_network(c, strict=False) for c in cidrs):
        return f"{caller} is not in publicAccessCidrs {cidrs}"
    return None


def _patch_k8s() -> None:
    import eksup_moto_k8s as k8s

    original_handle = k8s.ApiHandler.handle

    def handle(self: Any) -> None:
        cluster = self.cluster_context.cluster
        if refuses_caller(getattr(cluster, "resources_vpc_config", None) or {}) is not None:
            self.close_connection = True
            return
        original_handle(self)

    k8s.ApiHandler.handle = handle


def install() -> None:
    _patch_ec2()
    _patch_k8s()
