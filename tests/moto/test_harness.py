"""The fixture itself: a server per test that answers, with its own state."""


def test_emulator_answers_and_is_isolated(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
    ids = [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"]]
    assert vpc in ids
    assert emulator.control("GET", "/eksup-test/calls")["ec2:CreateVpc"] == 1
