"""Lost answers (``after`` faults), EC2 client tokens, quotas and the Service Quotas API
(eksup_moto.TestControl, eksup_moto_limits.py)."""

from __future__ import annotations

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from test_k8s_api import FAST, Env

EIPS, VPCS, NATS, IGWS, FARGATE = "L-0263D0A3", "L-F678F1CE", "L-FE5A380F", "L-A4707A72", "L-33415657"


def error_of(call, *args, **kwargs) -> tuple[str, str, int]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    response = raised.value.response
    return response["Error"]["Code"], response["Error"]["Message"], response["ResponseMetadata"]["HTTPStatusCode"]


def no_retries(emulator, service: str):
    config = Config(retries={"total_max_attempts": 1, "mode": "standard"})
    return emulator.session.client(service, endpoint_url=emulator.endpoint, config=config)


def vpc_ids(ec2) -> set[str]:
    return {v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if not v["IsDefault"]}


def subnet(ec2, vpc: str, cidr: str, az: str = "us-west-2a") -> str:
    return ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=az)["Subnet"]["SubnetId"]


def nat(ec2, subnet_id: str, **kwargs) -> dict:
    eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
    return ec2.create_nat_gateway(SubnetId=subnet_id, AllocationId=eip, **kwargs)["NatGateway"]


# ---------------------------------------------------------------------------------------
# Lost answers
# ---------------------------------------------------------------------------------------
def test_lost_answer_fails_the_call_but_the_vpc_exists(emulator):
    ec2 = no_retries(emulator, "ec2")
    emulator.control("POST", "/eksup-test/faults", {"operation": "ec2:CreateVpc", "after": True})
    code, _, status = error_of(ec2.create_vpc, CidrBlock="10.0.0.0/16")
    assert (code, status) == ("InternalError", 500)
    [vpc] = ec2.describe_vpcs(Filters=[{"Name": "cidr-block", "Values": ["10.0.0.0/16"]}])["Vpcs"]
    assert vpc["State"] == "available"
    assert emulator.control("GET", "/eksup-test/faults") == []
    assert emulator.control("GET", "/eksup-test/calls")["ec2:CreateVpc"] == 1


def test_lost_answer_status_and_code_can_be_chosen(emulator):
    eks = no_retries(emulator, "eks")
    emulator.control("POST", "/eksup-test/faults", {"operation": "eks:ListClusters", "after": True, "status": 503,
                                                    "code": "ServiceUnavailableException", "message": "try later"})
    assert error_of(eks.list_clusters) == ("ServiceUnavailableException", "try later", 503)
    with pytest.raises(Exception):
        emulator.control("POST", "/eksup-test/faults", {"operation": "ec2:CreateVpc", "after": "yes"})


def test_sdk_retry_after_a_lost_answer_duplicates_a_vpc_but_not_a_nat_gateway(emulator):
    ec2 = emulator.client("ec2")  # default retries: the SDK repeats the request, same ClientToken
    emulator.control("POST", "/eksup-test/faults", {"operation": "ec2:CreateVpc", "after": True})
    answered = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    assert len(vpc_ids(ec2)) == 2 and answered in vpc_ids(ec2)  # CreateVpc has no token: a duplicate

    subnet_id = subnet(ec2, answered, "10.0.1.0/24")
    eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
    emulator.control("POST", "/eksup-test/faults", {"operation": "ec2:CreateNatGateway", "after": True})
    created = ec2.create_nat_gateway(SubnetId=subnet_id, AllocationId=eip)
    gateways = ec2.describe_nat_gateways()["NatGateways"]
    assert [g["NatGatewayId"] for g in gateways] == [created["NatGateway"]["NatGatewayId"]]
    assert created["ClientToken"]  # botocore filled it in and AWS echoes it
    assert emulator.control("GET", "/eksup-test/calls")["ec2:CreateNatGateway"] == 2


# ---------------------------------------------------------------------------------------
# EC2 client tokens
# ---------------------------------------------------------------------------------------
def test_client_token_returns_the_original_route_table_and_network_acl(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    other = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]

    first = ec2.create_route_table(VpcId=vpc, ClientToken="rt-1")
    again = ec2.create_route_table(VpcId=vpc, ClientToken="rt-1")
    assert again["RouteTable"]["RouteTableId"] == first["RouteTable"]["RouteTableId"] and again["ClientToken"] == "rt-1"
    assert len(ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["RouteTables"]) == 2  # main + 1
    code, message, status = error_of(ec2.create_route_table, VpcId=other, ClientToken="rt-1")
    assert (code, status) == ("IdempotentParameterMismatch", 400)
    assert message == "Arguments on this idempotent request are inconsistent with arguments used in previous request(s)."
    assert ec2.create_route_table(VpcId=vpc, ClientToken="rt-2")["RouteTable"]["RouteTableId"] != first["RouteTable"]["RouteTableId"]

    acl = ec2.create_network_acl(VpcId=vpc, ClientToken="acl-1")["NetworkAcl"]["NetworkAclId"]
    assert ec2.create_network_acl(VpcId=vpc, ClientToken="acl-1")["NetworkAcl"]["NetworkAclId"] == acl
    tagged = {"TagSpecifications": [{"ResourceType": "network-acl", "Tags": [{"Key": "Name", "Value": "x"}]}]}
    assert error_of(ec2.create_network_acl, VpcId=vpc, ClientToken="acl-1", **tagged)[0] == "IdempotentParameterMismatch"
    # One token namespace per account and Region: a token of another operation is a mismatch.
    assert error_of(ec2.create_network_acl, VpcId=vpc, ClientToken="rt-1")[0] == "IdempotentParameterMismatch"


def test_client_token_returns_the_original_launch_template_and_nat_gateway(emulator):
    ec2 = emulator.client("ec2")
    data = {"InstanceType": "m5.large"}
    lt = ec2.create_launch_template(LaunchTemplateName="nodes", LaunchTemplateData=data, ClientToken="lt-1")["LaunchTemplate"]
    assert ec2.create_launch_template(LaunchTemplateName="nodes", LaunchTemplateData=data, ClientToken="lt-1")["LaunchTemplate"] == lt
    assert error_of(ec2.create_launch_template, LaunchTemplateName="other", LaunchTemplateData=data, ClientToken="lt-1")[0] == "IdempotentParameterMismatch"
    # Without a token (botocore then makes a fresh one) the name is taken, as before.
    assert "AlreadyExists" in error_of(ec2.create_launch_template, LaunchTemplateName="nodes", LaunchTemplateData=data)[0]

    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet_id = subnet(ec2, vpc, "10.0.1.0/24")
    eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
    gw = ec2.create_nat_gateway(SubnetId=subnet_id, AllocationId=eip, ClientToken="nat-1")
    again = ec2.create_nat_gateway(SubnetId=subnet_id, AllocationId=eip, ClientToken="nat-1")
    assert again["NatGateway"]["NatGatewayId"] == gw["NatGateway"]["NatGatewayId"] and again["ClientToken"] == "nat-1"
    assert len(ec2.describe_nat_gateways()["NatGateways"]) == 1


def test_client_tokens_are_per_region_and_forgotten_by_reset(emulator):
    west, east = emulator.client("ec2"), emulator.session.client("ec2", endpoint_url=emulator.endpoint, region_name="us-east-1")
    vpc_w = west.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    vpc_e = east.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    west.create_route_table(VpcId=vpc_w, ClientToken="same")
    east.create_route_table(VpcId=vpc_e, ClientToken="same")  # another Region: another request
    emulator.control("POST", "/moto-api/reset")
    vpc_w = west.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    assert west.create_route_table(VpcId=vpc_w, ClientToken="same")["RouteTable"]["VpcId"] == vpc_w


def test_a_refused_request_is_not_remembered(emulator):
    ec2 = emulator.client("ec2")
    assert error_of(ec2.create_route_table, VpcId="vpc-00000000000000000", ClientToken="t")[0] == "InvalidVpcID.NotFound"
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    assert ec2.create_route_table(VpcId=vpc, ClientToken="t")["RouteTable"]["VpcId"] == vpc


# ---------------------------------------------------------------------------------------
# Quotas
# ---------------------------------------------------------------------------------------
def test_elastic_ips_stop_at_five_per_region(emulator):
    ec2 = emulator.client("ec2")
    ids = [ec2.allocate_address(Domain="vpc")["AllocationId"] for _ in range(5)]
    assert error_of(ec2.allocate_address, Domain="vpc") == ("AddressLimitExceeded", "The maximum number of addresses has been reached.", 400)
    # Another Region has its own five.
    east = emulator.session.client("ec2", endpoint_url=emulator.endpoint, region_name="us-east-1")
    east.allocate_address(Domain="vpc")
    ec2.release_address(AllocationId=ids[0])
    ec2.allocate_address(Domain="vpc")
    # The route raises the quota; Service Quotas and DescribeAccountAttributes report it.
    emulator.control("POST", "/eksup-test/quotas", {EIPS: 6})
    ec2.allocate_address(Domain="vpc")
    assert error_of(ec2.allocate_address, Domain="vpc")[0] == "AddressLimitExceeded"
    quotas = emulator.client("service-quotas")
    assert quotas.get_service_quota(ServiceCode="ec2", QuotaCode=EIPS)["Quota"]["Value"] == 6.0
    attributes = {a["AttributeName"]: a["AttributeValues"][0]["AttributeValue"] for a in ec2.describe_account_attributes()["AccountAttributes"]}
    assert attributes["vpc-max-elastic-ips"] == "6" and attributes["max-elastic-ips"] == "6"


def test_vpc_and_internet_gateway_quotas_are_off_by_default(emulator):
    ec2 = emulator.client("ec2")
    for i in range(6):
        ec2.create_vpc(CidrBlock=f"10.{i}.0.0/16")
        ec2.create_internet_gateway()
    table = {q["code"]: q for q in emulator.control("GET", "/eksup-test/quotas")}
    assert not table[VPCS]["enforced"] and not table[IGWS]["enforced"] and table[EIPS]["enforced"]
    emulator.control("POST", "/eksup-test/quotas", {IGWS: 6})
    assert error_of(ec2.create_internet_gateway)[:2] == ("InternetGatewayLimitExceeded", "The maximum number of internet gateways has been reached.")


@pytest.mark.emulator_env(EKSUP_MOTO_QUOTA_VPCS="3", EKSUP_MOTO_QUOTA_EIPS="off")
def test_quota_knobs_enforce_or_turn_off(emulator):
    ec2 = emulator.client("ec2")
    ec2.create_vpc(CidrBlock="10.0.0.0/16")
    ec2.create_vpc(CidrBlock="10.1.0.0/16")  # with the default VPC: 3
    assert error_of(ec2.create_vpc, CidrBlock="10.2.0.0/16") == ("VpcLimitExceeded", "The maximum number of VPCs has been reached.", 400)
    for _ in range(7):
        ec2.allocate_address(Domain="vpc")
    quotas = emulator.client("service-quotas")
    assert quotas.get_service_quota(ServiceCode="vpc", QuotaCode=VPCS)["Quota"]["Value"] == 3.0
    assert quotas.get_service_quota(ServiceCode="ec2", QuotaCode=EIPS)["Quota"]["Value"] == 5.0
    # DELETE goes back to the knobs, not to the table's defaults.
    emulator.control("POST", "/eksup-test/quotas", {VPCS: 10})
    emulator.control("DELETE", "/eksup-test/quotas")
    assert error_of(ec2.create_vpc, CidrBlock="10.2.0.0/16")[0] == "VpcLimitExceeded"


def test_nat_gateways_per_availability_zone(emulator):
    ec2 = emulator.client("ec2")
    emulator.control("POST", "/eksup-test/quotas", {NATS: 2, EIPS: 10})
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    a1, a2 = subnet(ec2, vpc, "10.0.1.0/24"), subnet(ec2, vpc, "10.0.2.0/24")
    b = subnet(ec2, vpc, "10.0.3.0/24", "us-west-2b")
    first = nat(ec2, a1)["NatGatewayId"]
    second_eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
    second = ec2.create_nat_gateway(SubnetId=a2, AllocationId=second_eip, ClientToken="n2")["NatGateway"]["NatGatewayId"]
    eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
    assert error_of(ec2.create_nat_gateway, SubnetId=a1, AllocationId=eip)[:2] == (
        "NatGatewayLimitExceeded", "The maximum number of NAT Gateways has been reached.")
    # A retry with a known token creates nothing: it is answered even at the quota.
    assert ec2.create_nat_gateway(SubnetId=a2, AllocationId=second_eip, ClientToken="n2")["NatGateway"]["NatGatewayId"] == second
    ec2.create_nat_gateway(SubnetId=b, AllocationId=eip)  # another AZ
    ec2.delete_nat_gateway(NatGatewayId=first)  # deleted ones do not count (instant here)
    nat(ec2, a1)


@pytest.mark.emulator_env(**FAST)
def test_fargate_profiles_per_cluster(emulator):

    env = Env(emulator, addons=())
    pods = env.iam.create_role(RoleName="pods", AssumeRolePolicyDocument=(
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": '
        '{"Service": "eks-fargate-pods.amazonaws.com"}, "Action": "sts:AssumeRole"}]}'))["Role"]["Arn"]
    emulator.control("POST", "/eksup-test/quotas", {FARGATE: 2})

    def create(name: str):
        return env.eks.create_fargate_profile(clusterName="demo", fargateProfileName=name, podExecutionRoleArn=pods,
                                              subnets=env.subnets, selectors=[{"namespace": name}])

    create("a")
    create("b")
    code, message, status = error_of(create, "c")
    assert (code, status) == ("ResourceLimitExceededException", 400) and "Fargate" in message
    assert error_of(create, "a")[0] == "ResourceInUseException"  # the name is checked first


# ---------------------------------------------------------------------------------------
# Service Quotas API
# ---------------------------------------------------------------------------------------
def test_service_quotas_answers_the_table(emulator):
    quotas = emulator.client("service-quotas")
    expected = {("ec2", EIPS): ("EC2-VPC Elastic IPs", 5.0), ("vpc", VPCS): ("VPCs per Region", 5.0),
                ("vpc", NATS): ("NAT gateways per Availability Zone", 5.0), ("vpc", IGWS): ("Internet gateways per Region", 5.0),
                ("eks", FARGATE): ("Fargate profiles per cluster", 10.0)}
    for (service, code), (name, value) in expected.items():
        applied = quotas.get_service_quota(ServiceCode=service, QuotaCode=code)["Quota"]
        assert (applied["QuotaName"], applied["Value"], applied["ServiceCode"]) == (name, value, service)
        assert applied["QuotaArn"] == f"arn:aws:servicequotas:us-west-2:123456789012:{service}/{code}"
        default = quotas.get_aws_default_service_quota(ServiceCode=service, QuotaCode=code)["Quota"]
        assert default["Value"] == value and default["QuotaArn"] == f"arn:aws:servicequotas:us-west-2::{service}/{code}"

    emulator.control("POST", "/eksup-test/quotas", {FARGATE: {"value": 20, "applied": False}})
    assert error_of(quotas.get_service_quota, ServiceCode="eks", QuotaCode=FARGATE)[0] == "NoSuchResourceException"
    assert quotas.get_aws_default_service_quota(ServiceCode="eks", QuotaCode=FARGATE)["Quota"]["Value"] == 10.0
    # A code of another service, an unknown code: NoSuchResourceException (moto's answer for vpc).
    assert error_of(quotas.get_service_quota, ServiceCode="vpc", QuotaCode=EIPS)[0] == "NoSuchResourceException"
    assert error_of(quotas.get_aws_default_service_quota, ServiceCode="eks", QuotaCode="L-00000000")[0] == "NoSuchResourceException"
    # moto's other VPC quotas are still answered.
    assert quotas.get_service_quota(ServiceCode="vpc", QuotaCode="L-407747CB")["Quota"]["QuotaName"] == "Subnets per VPC"
    assert [q["QuotaCode"] for q in quotas.list_aws_default_service_quotas(ServiceCode="ec2")["Quotas"]] == [EIPS]


def test_quota_route_validates(emulator):
    for body in ({"L-NOPE": 3}, {EIPS: "ten"}, {EIPS: {"value": -1}}, {EIPS: {"enforced": "yes"}}, {EIPS: {"limit": 3}}):
        with pytest.raises(Exception) as raised:
            emulator.control("POST", "/eksup-test/quotas", body)
        assert getattr(raised.value, "code", None) == 400
    table = {q["code"]: q for q in emulator.control("POST", "/eksup-test/quotas", {EIPS: {"enforced": False}})}
    assert table[EIPS] == {"service": "ec2", "code": EIPS, "name": "EC2-VPC Elastic IPs", "default": 5.0, "value": 5.0,
                           "enforced": False, "applied": True}
