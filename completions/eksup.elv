
use builtin;
use str;

set edit:completion:arg-completer[eksup] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'eksup'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'eksup'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a cluster, node group or repository'
            cand get 'Show clusters, node groups or repositories'
            cand delete 'Delete a cluster, node group or repository'
            cand scale 'Change the size of a node group'
            cand set 'Add or change labels of a managed node group''s nodes'
            cand unset 'Remove labels of a managed node group''s nodes'
            cand drain 'Cordon a node group''s nodes and evict their pods (or `--undo`)'
            cand update 'Update an add-on in place'
            cand upgrade 'Move a control plane or a managed node group to a newer Kubernetes version'
            cand utils 'Utilities: kubeconfig, schema, cluster settings and what EKS offers'
            cand set-context 'Write a cluster''s kubeconfig entries and make its context current'
            cand get-token 'Print an ExecCredential with a bearer token for a cluster (kubectl exec plugin)'
            cand ecr 'Amazon ECR helpers'
            cand init 'Write a commented cluster YAML, asking questions on a terminal'
            cand completion 'Print a shell completion script'
            cand version 'Print the version'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;create'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand cluster 'Create a cluster from a config file or from flags'
            cand nodegroup 'Create node groups of an existing cluster from a config file'
            cand iamserviceaccount 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file'
            cand podidentityassociation 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file'
            cand addon 'Create add-ons on an existing cluster, from flags or a config file'
            cand fargateprofile 'Create Fargate profiles on an existing cluster, from flags or a config file'
            cand accessentry 'Create access entries on an existing cluster, from flags or a config file'
            cand capability 'Create the config file''s EKS capabilities (ACK, kro, Argo CD) on its existing cluster'
            cand iamidentitymapping 'Create IAM identity mappings on an existing cluster, from flags or a config file'
            cand repository 'Create an ECR repository'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;create;cluster'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand -n 'Cluster name'
            cand --name 'Cluster name'
            cand --version 'Kubernetes version'
            cand --tags 'Tags for every resource (`k1=v1,k2=v2`)'
            cand --zones 'Availability zones (`us-west-2a,us-west-2b`)'
            cand --managed 'Managed node group (default) instead of self-managed'
            cand --nodegroup-name 'Node group name'
            cand -t 'Node instance type'
            cand --node-type 'Node instance type'
            cand -N 'Desired node count'
            cand --nodes 'Desired node count'
            cand -m 'Minimum node count'
            cand --nodes-min 'Minimum node count'
            cand -M 'Maximum node count'
            cand --nodes-max 'Maximum node count'
            cand --node-volume-size 'Node root volume size in GiB'
            cand --node-volume-type 'Node root volume type'
            cand --node-ami-family 'Node AMI family'
            cand --instance-types 'Instance types of a managed node group (`m5.large,m5a.large`)'
            cand --vpc-cidr 'VPC CIDR'
            cand --vpc-nat-mode 'NAT mode: HighlyAvailable, Single or Disable'
            cand --node-labels 'Labels of the node group''s nodes (`k1=v1,k2=v2`)'
            cand --node-zones 'Zones of the node group (among `--zones`; default: the cluster''s)'
            cand --max-pods-per-node 'Most pods a node runs (default: what its instance type''s network interfaces allow)'
            cand --ssh-public-key 'The nodes'' SSH key: a public key file to import, or the name of an EC2 key pair (implies `--ssh-access`)'
            cand --vpc-private-subnets 'Subnets of an existing VPC for the cluster''s private side (`subnet-1,subnet-2`)'
            cand --vpc-public-subnets 'Subnets of an existing VPC for the cluster''s public side (`subnet-1,subnet-2`)'
            cand --instance-selector-vcpus 'The node group''s instance types chosen by EC2: this many vCPUs (`instanceSelector.vCPUs`)'
            cand --instance-selector-memory '... this much memory: GiB (`4`) or with a unit (`4GiB`, `512MiB`)'
            cand --instance-selector-cpu-architecture '... this CPU architecture: `x86_64` or `arm64`'
            cand --instance-selector-gpus '... this many GPUs (`0`: none)'
            cand --instance-selector-neuron-devices '... this many AWS Neuron devices (`0`: none)'
            cand -o 'Output: the plan tree (table), the plan as JSON, the defaulted config as YAML, or the plan graph for Mermaid or Graphviz; with a real run, `json` writes one event per line on stdout'
            cand --output 'Output: the plan tree (table), the plan as JSON, the defaulted config as YAML, or the plan graph for Mermaid or Graphviz; with a real run, `json` writes one event per line on stdout'
            cand --timeline 'Write an SVG timeline of the run to this file: every step from start to end, its waiting time and the critical path'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand --parallelism 'How many steps may work at once (a step that waits for AWS between polls does not count)'
            cand --wait-nodes 'Wait until every node group''s nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)'
            cand --write-kubeconfig 'Write the kubeconfig once the control plane is active'
            cand --kubeconfig 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --set-kubeconfig-context 'Make the new context the current one'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --with-oidc 'Create an IAM OIDC provider for the cluster'
            cand --without-nodegroup 'Create the cluster without a node group'
            cand -P 'Put nodes in private subnets'
            cand --node-private-networking 'Put nodes in private subnets'
            cand --spot 'Spot instances for the managed node group'
            cand --fargate 'Add a Fargate profile `fp-default` for the `default` and `kube-system` namespaces'
            cand --ssh-access 'Allow SSH to the nodes (with `~/.ssh/id_rsa.pub` unless `--ssh-public-key` says otherwise)'
            cand --enable-auto-mode 'EKS Auto Mode: EKS runs the nodes (no node group is made)'
            cand --dry-run 'Print the plan and change nothing'
            cand --skip-preflight 'Create without the checks made before the first change (quotas, zones, permissions, names taken, CIDR overlaps)'
            cand --rollback 'On failure, delete what this run created'
            cand --prune 'On a cluster that exists, also delete its node groups, add-ons and Fargate profiles that are no longer in the config (the `-` of `--dry-run`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;nodegroup'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --cluster 'The cluster (when not given by the file)'
            cand --include 'Only node groups matching these names or globs'
            cand --exclude 'Skip node groups matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand --wait-nodes 'Wait until the node groups'' nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;iamserviceaccount'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -c 'The existing cluster'
            cand --cluster 'The existing cluster'
            cand --name 'The service account'
            cand --namespace 'Its namespace (made if missing) [default: default]'
            cand --attach-policy-arn 'Managed policies of the role eksup makes (repeatable)'
            cand --attach-role-arn 'A role of yours for the service account, instead of one eksup makes'
            cand --role-name 'The name of the role eksup makes (default: `eksup-<cluster>-sa-<namespace>-<name>`)'
            cand --permissions-boundary 'Permissions boundary of the role eksup makes'
            cand --tags 'Tags of the role (`k1=v1,k2=v2`)'
            cand --subject-pattern 'A pattern (`*`, `?`) of service account names the role trusts, instead of `--name` alone'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --role-only 'Make only the role, not the Kubernetes service account'
            cand --override-existing-serviceaccounts 'Accepted for eksctl''s command lines: eksup always adds the role to a service account that exists'
            cand --approve 'Accepted for eksctl''s command lines: eksup creates unless `--dry-run`'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;podidentityassociation'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -c 'The existing cluster'
            cand --cluster 'The existing cluster'
            cand --namespace 'The service account''s namespace'
            cand --service-account-name 'The service account'
            cand --role-arn 'A role of yours (trusted by `pods.eks.amazonaws.com`), instead of one eksup makes'
            cand --role-name 'The name of the role eksup makes'
            cand --permission-boundary-arn 'Permissions boundary of the role eksup makes'
            cand --permission-policy-arns 'Managed policies of the role eksup makes (`arn1,arn2`)'
            cand --well-known-policies 'eksctl''s ready-made policies of the role eksup makes (`autoScaler,externalDNS`)'
            cand --target-role-arn 'A role (in any account) the association''s role assumes in turn'
            cand --policy 'A session policy (JSON) narrowing the role''s permissions (needs `--disable-session-tags`)'
            cand --tags 'Tags of the association and of the role eksup makes (`k1=v1,k2=v2`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --disable-session-tags 'Leave out the session tags EKS Pod Identity adds'
            cand --create-service-account 'Make the Kubernetes service account too'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;addon'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -c 'The existing cluster'
            cand --cluster 'The existing cluster'
            cand --name 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...)'
            cand --version 'A version, or `latest` (default: EKS''s default for the cluster''s Kubernetes version)'
            cand --service-account-role-arn 'An IAM role of yours for the add-on''s service account'
            cand --attach-policy-arn 'Managed policies of a role eksup makes for the add-on''s service account (repeatable)'
            cand --namespace-config 'The namespace EKS installs the add-on in, as `namespace=<name>` (eksctl''s form)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --wait 'Wait until every add-on made is ACTIVE, CoreDNS and metrics-server too (they turn ACTIVE once nodes run them; without `--wait` the run does not wait for those two), as eksctl''s `--wait`'
            cand --auto-apply-pod-identity-associations 'Pod identities with the policies AWS recommends for the add-on''s service accounts, in roles eksup makes (the `eks-pod-identity-agent` add-on is made too if missing)'
            cand --force 'Overwrite changes made in the cluster to what the add-on manages (conflicts resolved with `OVERWRITE`), as eksctl''s `--force`'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;fargateprofile'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -c 'The existing cluster'
            cand --cluster 'The existing cluster'
            cand --name 'The profile''s name (default: `fp-` and 8 hex digits of the selector)'
            cand --namespace 'The namespace of the pods that run on Fargate'
            cand -l 'The labels those pods must have (`k1=v1,k2=v2`)'
            cand --labels 'The labels those pods must have (`k1=v1,k2=v2`)'
            cand -t 'Tags of the profile (`k1=v1,k2=v2`)'
            cand --tags 'Tags of the profile (`k1=v1,k2=v2`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;accessentry'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -c 'The existing cluster'
            cand --cluster 'The existing cluster'
            cand --principal-arn 'The IAM role or user'
            cand --type '`STANDARD` (default), `EC2_LINUX`, `EC2_WINDOWS`, ...'
            cand --kubernetes-groups 'Kubernetes groups of the principal (`g1,g2`)'
            cand --kubernetes-username 'The principal''s Kubernetes user name'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;capability'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -c 'The existing cluster'
            cand --cluster 'The existing cluster'
            cand --name 'The capability''s name, unique in the cluster'
            cand --type '`ACK` or `KRO` (`ARGOCD` needs a config file)'
            cand --role-arn 'A role of yours trusted by `capabilities.eks.amazonaws.com`, instead of one eksup makes'
            cand --delete-propagation-policy 'What happens to the resources it manages when it is deleted (`RETAIN`, the default)'
            cand --tags 'Tags of the capability and of the role eksup makes (`k1=v1,k2=v2`)'
            cand --attach-policy-arns 'Managed policies of the role eksup makes (`arn1,arn2`)'
            cand --attach-policy 'An inline policy document (JSON) of the role eksup makes'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;iamidentitymapping'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -o 'o'
            cand --output 'output'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -c 'The existing cluster'
            cand --cluster 'The existing cluster'
            cand --arn 'The IAM role or user to map'
            cand --username 'Its Kubernetes user name'
            cand --group 'Its Kubernetes groups (repeatable; `system:masters` is the cluster admin access policy)'
            cand --account 'A whole account to map in aws-auth''s `mapAccounts` (12 digits)'
            cand --service-name 'A service to give access to a namespace: `emr-containers`'
            cand --namespace 'The namespace of `--service-name`'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --dry-run 'Print the plan and change nothing'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;create;repository'= {
            cand --image-tag-mutability 'MUTABLE or IMMUTABLE'
            cand --scan-on-push 'Scan images on push'
            cand --encryption 'Encryption: AES256 or KMS'
            cand --kms-key 'KMS key for `--encryption KMS`'
            cand --keep-last-images 'Keep only the newest N images'
            cand --expire-untagged-after-days 'Expire untagged images after N days'
            cand --pull-accounts 'Account ids allowed to pull'
            cand --tags 'Tags (`k1=v1,k2=v2`)'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;create;help'= {
            cand cluster 'Create a cluster from a config file or from flags'
            cand nodegroup 'Create node groups of an existing cluster from a config file'
            cand iamserviceaccount 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file'
            cand podidentityassociation 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file'
            cand addon 'Create add-ons on an existing cluster, from flags or a config file'
            cand fargateprofile 'Create Fargate profiles on an existing cluster, from flags or a config file'
            cand accessentry 'Create access entries on an existing cluster, from flags or a config file'
            cand capability 'Create the config file''s EKS capabilities (ACK, kro, Argo CD) on its existing cluster'
            cand iamidentitymapping 'Create IAM identity mappings on an existing cluster, from flags or a config file'
            cand repository 'Create an ECR repository'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;create;help;cluster'= {
        }
        &'eksup;create;help;nodegroup'= {
        }
        &'eksup;create;help;iamserviceaccount'= {
        }
        &'eksup;create;help;podidentityassociation'= {
        }
        &'eksup;create;help;addon'= {
        }
        &'eksup;create;help;fargateprofile'= {
        }
        &'eksup;create;help;accessentry'= {
        }
        &'eksup;create;help;capability'= {
        }
        &'eksup;create;help;iamidentitymapping'= {
        }
        &'eksup;create;help;repository'= {
        }
        &'eksup;create;help;help'= {
        }
        &'eksup;get'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand cluster 'Show clusters in a region, or one cluster'
            cand nodegroup 'Show the node groups of a cluster'
            cand iamserviceaccount 'Show the service accounts of a cluster that take an IAM role (IRSA)'
            cand labels 'Show the labels of a managed node group''s nodes'
            cand podidentityassociation 'Show the pod identity associations of a cluster (EKS Pod Identity)'
            cand identityprovider 'Show the OIDC identity providers associated with a cluster'
            cand addon 'Show a cluster''s add-ons, whoever installed them'
            cand fargateprofile 'Show a cluster''s Fargate profiles'
            cand accessentry 'Show a cluster''s access entries and their access policies'
            cand iamidentitymapping 'Show a cluster''s identity mappings: its access entries and the aws-auth ConfigMap''s entries (roles, users, accounts)'
            cand capability 'Show a cluster''s EKS capabilities, whoever made them'
            cand repository 'Show ECR repositories'
            cand orphans 'Show what eksup left behind: resources tagged for clusters that no longer exist'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;get;cluster'= {
            cand -n 'The cluster (default: all in the region)'
            cand --name 'The cluster (default: all in the region)'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;nodegroup'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'One node group (default: all)'
            cand --name 'One node group (default: all)'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;iamserviceaccount'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --namespace 'Only this namespace''s (with `--name`: default `default`)'
            cand --name 'One service account'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;labels'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'The managed node group'
            cand --nodegroup 'The managed node group'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;podidentityassociation'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --namespace 'Only this namespace''s'
            cand --service-account-name 'One service account (with `--namespace`)'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;identityprovider'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'Only the one of this name'
            cand --name 'Only the one of this name'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;addon'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'Only the one of this name'
            cand --name 'Only the one of this name'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;fargateprofile'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'Only the one of this name'
            cand --name 'Only the one of this name'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;accessentry'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --principal-arn 'Only the entry of this IAM principal'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;iamidentitymapping'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --arn 'Only the mappings of this IAM role or user ARN, or of this account id'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;capability'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'Only the one of this name'
            cand --name 'Only the one of this name'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;repository'= {
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;orphans'= {
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;get;help'= {
            cand cluster 'Show clusters in a region, or one cluster'
            cand nodegroup 'Show the node groups of a cluster'
            cand iamserviceaccount 'Show the service accounts of a cluster that take an IAM role (IRSA)'
            cand labels 'Show the labels of a managed node group''s nodes'
            cand podidentityassociation 'Show the pod identity associations of a cluster (EKS Pod Identity)'
            cand identityprovider 'Show the OIDC identity providers associated with a cluster'
            cand addon 'Show a cluster''s add-ons, whoever installed them'
            cand fargateprofile 'Show a cluster''s Fargate profiles'
            cand accessentry 'Show a cluster''s access entries and their access policies'
            cand iamidentitymapping 'Show a cluster''s identity mappings: its access entries and the aws-auth ConfigMap''s entries (roles, users, accounts)'
            cand capability 'Show a cluster''s EKS capabilities, whoever made them'
            cand repository 'Show ECR repositories'
            cand orphans 'Show what eksup left behind: resources tagged for clusters that no longer exist'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;get;help;cluster'= {
        }
        &'eksup;get;help;nodegroup'= {
        }
        &'eksup;get;help;iamserviceaccount'= {
        }
        &'eksup;get;help;labels'= {
        }
        &'eksup;get;help;podidentityassociation'= {
        }
        &'eksup;get;help;identityprovider'= {
        }
        &'eksup;get;help;addon'= {
        }
        &'eksup;get;help;fargateprofile'= {
        }
        &'eksup;get;help;accessentry'= {
        }
        &'eksup;get;help;iamidentitymapping'= {
        }
        &'eksup;get;help;capability'= {
        }
        &'eksup;get;help;repository'= {
        }
        &'eksup;get;help;orphans'= {
        }
        &'eksup;get;help;help'= {
        }
        &'eksup;delete'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand cluster 'Delete a cluster and everything eksup created for it'
            cand nodegroup 'Delete a node group'
            cand podidentityassociation 'Delete a pod identity association, and its IAM role when eksup made it'
            cand addon 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone'
            cand fargateprofile 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)'
            cand accessentry 'Delete a cluster''s access entry for an IAM principal (and its access policies)'
            cand iamidentitymapping 'Delete a cluster''s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account''s `mapAccounts` entry'
            cand capability 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it'
            cand iamserviceaccount 'Delete a service account''s IAM role and the Kubernetes ServiceAccount, each when eksup made it'
            cand repository 'Delete an ECR repository'
            cand orphans 'Delete what eksup left behind for a cluster that no longer exists'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;delete;cluster'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand -n 'The cluster (when no config file is given)'
            cand --name 'The cluster (when no config file is given)'
            cand --kubeconfig 'Kubeconfig file to clean (default: $KUBECONFIG, then ~/.kube/config)'
            cand -o '`json` writes one event per line on stdout'
            cand --output '`json` writes one event per line on stdout'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand --timeline 'Write an SVG timeline of the deletion to this file: every step from start to end and its waiting time'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-wait 'Return once the deletions have started'
            cand --delete-repositories 'Also delete the cluster''s ECR repositories and their images'
            cand --dry-run 'Show what would be deleted, in order, and delete nothing (`-o json` for scripts)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;nodegroup'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand -n 'n'
            cand --name 'name'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'y'
            cand --yes 'yes'
            cand --no-wait 'no-wait'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;podidentityassociation'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --namespace 'The service account''s namespace'
            cand --service-account-name 'The service account (with `-f` and without it: the file''s `iam.podIdentityAssociations`)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;addon'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...; with `-f` and without it: the file''s `addons`)'
            cand --name 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...; with `-f` and without it: the file''s `addons`)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --preserve 'Leave the add-on''s software running on the cluster: EKS only stops managing it'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;fargateprofile'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'The name of the one to delete (with `-f` and without it: the file''s)'
            cand --name 'The name of the one to delete (with `-f` and without it: the file''s)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;accessentry'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --principal-arn 'The IAM principal of the entry (with `-f` and without it: the file''s `accessConfig.accessEntries`)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;iamidentitymapping'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --arn 'The IAM role or user of the mapping'
            cand --account 'The account of a `mapAccounts` entry (with `-f` and neither: the file''s `iamIdentityMappings`)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;capability'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'The name of the one to delete (with `-f` and without it: the file''s)'
            cand --name 'The name of the one to delete (with `-f` and without it: the file''s)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;iamserviceaccount'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --namespace 'The service account''s namespace (with `--name`) [default: default]'
            cand --name 'The service account (with `-f` and without it: the file''s `iam.serviceAccounts`)'
            cand --include 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)'
            cand --exclude 'Skip the file''s entries matching these names or globs'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;repository'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --force 'Delete the repository even if it holds images'
            cand -y 'y'
            cand --yes 'yes'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;orphans'= {
            cand -c 'The cluster whose resources were left behind (as `get orphans` lists it)'
            cand --cluster 'The cluster whose resources were left behind (as `get orphans` lists it)'
            cand -o '`json` writes one event per line on stdout'
            cand --output '`json` writes one event per line on stdout'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;delete;help'= {
            cand cluster 'Delete a cluster and everything eksup created for it'
            cand nodegroup 'Delete a node group'
            cand podidentityassociation 'Delete a pod identity association, and its IAM role when eksup made it'
            cand addon 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone'
            cand fargateprofile 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)'
            cand accessentry 'Delete a cluster''s access entry for an IAM principal (and its access policies)'
            cand iamidentitymapping 'Delete a cluster''s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account''s `mapAccounts` entry'
            cand capability 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it'
            cand iamserviceaccount 'Delete a service account''s IAM role and the Kubernetes ServiceAccount, each when eksup made it'
            cand repository 'Delete an ECR repository'
            cand orphans 'Delete what eksup left behind for a cluster that no longer exists'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;delete;help;cluster'= {
        }
        &'eksup;delete;help;nodegroup'= {
        }
        &'eksup;delete;help;podidentityassociation'= {
        }
        &'eksup;delete;help;addon'= {
        }
        &'eksup;delete;help;fargateprofile'= {
        }
        &'eksup;delete;help;accessentry'= {
        }
        &'eksup;delete;help;iamidentitymapping'= {
        }
        &'eksup;delete;help;capability'= {
        }
        &'eksup;delete;help;iamserviceaccount'= {
        }
        &'eksup;delete;help;repository'= {
        }
        &'eksup;delete;help;orphans'= {
        }
        &'eksup;delete;help;help'= {
        }
        &'eksup;scale'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand nodegroup 'Change desired, min and max of a node group'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;scale;nodegroup'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand -n 'n'
            cand --name 'name'
            cand -N 'N'
            cand --nodes 'nodes'
            cand -m 'm'
            cand --nodes-min 'nodes-min'
            cand -M 'M'
            cand --nodes-max 'nodes-max'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;scale;help'= {
            cand nodegroup 'Change desired, min and max of a node group'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;scale;help;nodegroup'= {
        }
        &'eksup;scale;help;help'= {
        }
        &'eksup;set'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand labels 'Add or change labels of a managed node group''s nodes (UpdateNodegroupConfig)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;set;labels'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'The managed node group'
            cand --nodegroup 'The managed node group'
            cand -l 'Labels to add or change (`k1=v1,k2=v2`)'
            cand --labels 'Labels to add or change (`k1=v1,k2=v2`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;set;help'= {
            cand labels 'Add or change labels of a managed node group''s nodes (UpdateNodegroupConfig)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;set;help;labels'= {
        }
        &'eksup;set;help;help'= {
        }
        &'eksup;unset'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand labels 'Remove labels of a managed node group''s nodes (UpdateNodegroupConfig)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;unset;labels'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand -f 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand --config-file 'The cluster config file naming the cluster and its region (`-` for standard input)'
            cand -n 'The managed node group'
            cand --nodegroup 'The managed node group'
            cand -l 'Label keys to remove (`k1,k2`)'
            cand --labels 'Label keys to remove (`k1,k2`)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;unset;help'= {
            cand labels 'Remove labels of a managed node group''s nodes (UpdateNodegroupConfig)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;unset;help;labels'= {
        }
        &'eksup;unset;help;help'= {
        }
        &'eksup;drain'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand nodegroup 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;drain;nodegroup'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand -n 'The node group to drain'
            cand --name 'The node group to drain'
            cand --max-grace-period 'The longest termination grace period given to a pod (its own, when shorter)'
            cand --pod-eviction-wait-period 'How long to wait before asking again for an eviction a PodDisruptionBudget refused'
            cand --parallel 'How many nodes to drain at once (1 to 25)'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -o '`json` writes what was done as one object on stdout'
            cand --output '`json` writes what was done as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --approve 'Drain (or uncordon); without it only the plan is shown'
            cand --undo 'Uncordon the node group: its nodes take pods again'
            cand --disable-eviction 'Delete pods instead of evicting them: PodDisruptionBudgets are not asked (use with care)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;drain;help'= {
            cand nodegroup 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;drain;help;nodegroup'= {
        }
        &'eksup;drain;help;help'= {
        }
        &'eksup;update'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand addon 'Change an add-on''s version, configuration values or service account role, and wait'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;update;addon'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand -n 'The add-on (`vpc-cni`, `coredns`, ...)'
            cand --name 'The add-on (`vpc-cni`, `coredns`, ...)'
            cand --version 'A version, `latest` or `default` (EKS''s default for the cluster''s Kubernetes version)'
            cand --configuration-values 'The add-on''s configuration values (JSON or YAML, as EKS takes them)'
            cand --service-account-role-arn 'The IAM role of the add-on''s service account'
            cand --resolve-conflicts 'What EKS does with fields changed in the cluster: `overwrite`, `preserve` or `none`'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -o '`json` writes what was changed as one object on stdout'
            cand --output '`json` writes what was changed as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --force 'Overwrite fields changed in the cluster (`--resolve-conflicts overwrite`), as eksctl''s `--force`'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;update;help'= {
            cand addon 'Change an add-on''s version, configuration values or service account role, and wait'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;update;help;addon'= {
        }
        &'eksup;update;help;help'= {
        }
        &'eksup;upgrade'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand cluster 'Upgrade the control plane one minor version, then the add-ons to versions that run on it'
            cand nodegroup 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;upgrade;cluster'= {
            cand -f 'Cluster config file (`-` for standard input)'
            cand --config-file 'Cluster config file (`-` for standard input)'
            cand -n 'The cluster (when no config file is given)'
            cand --name 'The cluster (when no config file is given)'
            cand --version 'The version to reach: the next minor one (the default) or the current one'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -o '`json` writes what was (or would be) changed as one object on stdout'
            cand --output '`json` writes what was (or would be) changed as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --force 'Go on although EKS''s upgrade insights report errors'
            cand --approve 'Apply the change; without it only the change is shown'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;upgrade;nodegroup'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand -n 'The node group'
            cand --name 'The node group'
            cand --kubernetes-version 'The Kubernetes version (default: the control plane''s)'
            cand --release-version 'The AMI release version of a managed group (default: the newest for the Kubernetes version)'
            cand --launch-template-version 'A new version of a managed group''s launch template'
            cand --wait 'Wait for the update and for the nodes to be Ready at the new version (`--wait=false` returns once it has started)'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -o '`json` writes what was done as one object on stdout'
            cand --output '`json` writes what was done as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --force-upgrade 'Replace nodes even where a PodDisruptionBudget refuses their pods'' eviction'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;upgrade;help'= {
            cand cluster 'Upgrade the control plane one minor version, then the add-ons to versions that run on it'
            cand nodegroup 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;upgrade;help;cluster'= {
        }
        &'eksup;upgrade;help;nodegroup'= {
        }
        &'eksup;upgrade;help;help'= {
        }
        &'eksup;utils'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand write-kubeconfig 'Write or refresh a cluster''s kubeconfig entries'
            cand schema 'Print the JSON Schema of the cluster config, for editors'
            cand man-pages 'Write a man page per command (roff) into a directory'
            cand update-cluster-logging 'Turn control-plane log types on or off (CloudWatch)'
            cand update-cluster-vpc-config 'Change the API server''s endpoint access: public, private, and the CIDRs allowed'
            cand update-authentication-mode 'Move the cluster''s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)'
            cand associate-iam-oidc-provider 'Create the IAM OIDC provider that lets the cluster''s service accounts take IAM roles'
            cand nodegroup-health 'Show the health issues EKS reports for a managed node group'
            cand describe-addon-versions 'Show the add-on versions EKS offers for a Kubernetes version'
            cand describe-cluster-versions 'Show the Kubernetes versions EKS offers, with their support dates'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;utils;write-kubeconfig'= {
            cand -c 'The cluster'
            cand --cluster 'The cluster'
            cand --kubeconfig 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --alias 'Name of the context (and of its cluster and user entries)'
            cand --role-arn 'Role the token assumes'
            cand --authenticator 'Credential helper the kubeconfig runs'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --set-context 'Make the context current (default)'
            cand --no-set-context 'Leave the current context as it is'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;utils;schema'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;man-pages'= {
            cand --dir 'Directory to write the pages into (created if needed)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;update-cluster-logging'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand --enable-types 'Log types to turn on: `all`, or some of api, audit, authenticator, controllerManager, scheduler'
            cand --disable-types 'Log types to turn off (same names)'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -o '`json` writes what was (or would be) changed as one object on stdout'
            cand --output '`json` writes what was (or would be) changed as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --approve 'Apply the change; without it only the change is shown'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;update-cluster-vpc-config'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand --private-access 'The API server''s private endpoint (reached from inside the VPC)'
            cand --public-access 'The API server''s public endpoint'
            cand --public-access-cidrs 'The CIDRs that may reach the public endpoint'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -o '`json` writes what was (or would be) changed as one object on stdout'
            cand --output '`json` writes what was (or would be) changed as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --approve 'Apply the change; without it only the change is shown'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;update-authentication-mode'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand --authentication-mode '`API_AND_CONFIG_MAP` or `API`'
            cand --timeout 'Give up after this long (e.g. `40m`, `1h`)'
            cand -o '`json` writes what was (or would be) changed as one object on stdout'
            cand --output '`json` writes what was (or would be) changed as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --approve 'Apply the change; without it only the change is shown'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;associate-iam-oidc-provider'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand -o '`json` writes what was (or would be) done as one object on stdout'
            cand --output '`json` writes what was (or would be) done as one object on stdout'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --approve 'Create it; without it only the plan is shown'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;nodegroup-health'= {
            cand -c 'c'
            cand --cluster 'cluster'
            cand -n 'The managed node group'
            cand --name 'The managed node group'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;describe-addon-versions'= {
            cand --kubernetes-version 'The Kubernetes version (default: the version of `--cluster`)'
            cand -c 'Take the Kubernetes version of this cluster'
            cand --cluster 'Take the Kubernetes version of this cluster'
            cand -n 'One add-on (default: all)'
            cand --name 'One add-on (default: all)'
            cand --types 'Only add-ons of these types, e.g. `networking,storage` (repeatable)'
            cand --owners 'Only add-ons of these owners: `aws`, `aws-marketplace`, `community` (repeatable)'
            cand --publishers 'Only add-ons of these publishers, e.g. `eks` (repeatable)'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;describe-cluster-versions'= {
            cand --version-status 'Only versions in this support status: `STANDARD_SUPPORT`, `EXTENDED_SUPPORT` or `UNSUPPORTED`'
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --default-only 'Only the version EKS creates when none is asked for'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;utils;help'= {
            cand write-kubeconfig 'Write or refresh a cluster''s kubeconfig entries'
            cand schema 'Print the JSON Schema of the cluster config, for editors'
            cand man-pages 'Write a man page per command (roff) into a directory'
            cand update-cluster-logging 'Turn control-plane log types on or off (CloudWatch)'
            cand update-cluster-vpc-config 'Change the API server''s endpoint access: public, private, and the CIDRs allowed'
            cand update-authentication-mode 'Move the cluster''s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)'
            cand associate-iam-oidc-provider 'Create the IAM OIDC provider that lets the cluster''s service accounts take IAM roles'
            cand nodegroup-health 'Show the health issues EKS reports for a managed node group'
            cand describe-addon-versions 'Show the add-on versions EKS offers for a Kubernetes version'
            cand describe-cluster-versions 'Show the Kubernetes versions EKS offers, with their support dates'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;utils;help;write-kubeconfig'= {
        }
        &'eksup;utils;help;schema'= {
        }
        &'eksup;utils;help;man-pages'= {
        }
        &'eksup;utils;help;update-cluster-logging'= {
        }
        &'eksup;utils;help;update-cluster-vpc-config'= {
        }
        &'eksup;utils;help;update-authentication-mode'= {
        }
        &'eksup;utils;help;associate-iam-oidc-provider'= {
        }
        &'eksup;utils;help;nodegroup-health'= {
        }
        &'eksup;utils;help;describe-addon-versions'= {
        }
        &'eksup;utils;help;describe-cluster-versions'= {
        }
        &'eksup;utils;help;help'= {
        }
        &'eksup;set-context'= {
            cand --namespace 'Namespace of the context'
            cand --alias 'Name of the context (and of its cluster and user entries)'
            cand --kubeconfig 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --role-arn 'Role the token assumes'
            cand --authenticator 'Credential helper the kubeconfig runs'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'eksup;get-token'= {
            cand -i 'The cluster the token is for'
            cand --cluster-name 'The cluster the token is for'
            cand --role-arn 'Role to assume before signing'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --no-cache 'Do not read or write the token cache'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;ecr'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand login 'Log Docker in to the account''s registry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;ecr;login'= {
            cand --docker-config 'Docker config file (default: $DOCKER_CONFIG/config.json, then ~/.docker/config.json)'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --password-stdin 'Print the password on stdout for `docker login --password-stdin` instead of writing Docker''s config.json'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;ecr;help'= {
            cand login 'Log Docker in to the account''s registry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;ecr;help;login'= {
        }
        &'eksup;ecr;help;help'= {
        }
        &'eksup;init'= {
            cand -f 'File to write'
            cand --file 'File to write'
            cand --name 'name'
            cand --k8s-version 'k8s-version'
            cand --node-kind 'managed, self-managed, fargate or mixed'
            cand --instance-type 'instance-type'
            cand --nodes-min 'nodes-min'
            cand --nodes 'nodes'
            cand --nodes-max 'nodes-max'
            cand --private-networking 'private-networking'
            cand --nat 'nat'
            cand --repositories 'ECR repositories to declare'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand --non-interactive 'Never ask: use flags and defaults'
            cand --force 'Overwrite the file if it exists'
            cand --create 'Create the cluster after writing the file'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;completion'= {
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;version'= {
            cand -o 'o'
            cand --output 'output'
            cand -r 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand --region 'AWS region (default: the config file, then AWS_REGION and the AWS profile)'
            cand -p 'AWS profile from the shared config files'
            cand --profile 'AWS profile from the shared config files'
            cand --color 'When to use colours (NO_COLOR is honoured with `auto`)'
            cand -v 'Say more (repeatable)'
            cand --verbose 'Say more (repeatable)'
            cand -q 'Say only errors'
            cand --quiet 'Say only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'eksup;help'= {
            cand create 'Create a cluster, node group or repository'
            cand get 'Show clusters, node groups or repositories'
            cand delete 'Delete a cluster, node group or repository'
            cand scale 'Change the size of a node group'
            cand set 'Add or change labels of a managed node group''s nodes'
            cand unset 'Remove labels of a managed node group''s nodes'
            cand drain 'Cordon a node group''s nodes and evict their pods (or `--undo`)'
            cand update 'Update an add-on in place'
            cand upgrade 'Move a control plane or a managed node group to a newer Kubernetes version'
            cand utils 'Utilities: kubeconfig, schema, cluster settings and what EKS offers'
            cand set-context 'Write a cluster''s kubeconfig entries and make its context current'
            cand get-token 'Print an ExecCredential with a bearer token for a cluster (kubectl exec plugin)'
            cand ecr 'Amazon ECR helpers'
            cand init 'Write a commented cluster YAML, asking questions on a terminal'
            cand completion 'Print a shell completion script'
            cand version 'Print the version'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksup;help;create'= {
            cand cluster 'Create a cluster from a config file or from flags'
            cand nodegroup 'Create node groups of an existing cluster from a config file'
            cand iamserviceaccount 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file'
            cand podidentityassociation 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file'
            cand addon 'Create add-ons on an existing cluster, from flags or a config file'
            cand fargateprofile 'Create Fargate profiles on an existing cluster, from flags or a config file'
            cand accessentry 'Create access entries on an existing cluster, from flags or a config file'
            cand capability 'Create the config file''s EKS capabilities (ACK, kro, Argo CD) on its existing cluster'
            cand iamidentitymapping 'Create IAM identity mappings on an existing cluster, from flags or a config file'
            cand repository 'Create an ECR repository'
        }
        &'eksup;help;create;cluster'= {
        }
        &'eksup;help;create;nodegroup'= {
        }
        &'eksup;help;create;iamserviceaccount'= {
        }
        &'eksup;help;create;podidentityassociation'= {
        }
        &'eksup;help;create;addon'= {
        }
        &'eksup;help;create;fargateprofile'= {
        }
        &'eksup;help;create;accessentry'= {
        }
        &'eksup;help;create;capability'= {
        }
        &'eksup;help;create;iamidentitymapping'= {
        }
        &'eksup;help;create;repository'= {
        }
        &'eksup;help;get'= {
            cand cluster 'Show clusters in a region, or one cluster'
            cand nodegroup 'Show the node groups of a cluster'
            cand iamserviceaccount 'Show the service accounts of a cluster that take an IAM role (IRSA)'
            cand labels 'Show the labels of a managed node group''s nodes'
            cand podidentityassociation 'Show the pod identity associations of a cluster (EKS Pod Identity)'
            cand identityprovider 'Show the OIDC identity providers associated with a cluster'
            cand addon 'Show a cluster''s add-ons, whoever installed them'
            cand fargateprofile 'Show a cluster''s Fargate profiles'
            cand accessentry 'Show a cluster''s access entries and their access policies'
            cand iamidentitymapping 'Show a cluster''s identity mappings: its access entries and the aws-auth ConfigMap''s entries (roles, users, accounts)'
            cand capability 'Show a cluster''s EKS capabilities, whoever made them'
            cand repository 'Show ECR repositories'
            cand orphans 'Show what eksup left behind: resources tagged for clusters that no longer exist'
        }
        &'eksup;help;get;cluster'= {
        }
        &'eksup;help;get;nodegroup'= {
        }
        &'eksup;help;get;iamserviceaccount'= {
        }
        &'eksup;help;get;labels'= {
        }
        &'eksup;help;get;podidentityassociation'= {
        }
        &'eksup;help;get;identityprovider'= {
        }
        &'eksup;help;get;addon'= {
        }
        &'eksup;help;get;fargateprofile'= {
        }
        &'eksup;help;get;accessentry'= {
        }
        &'eksup;help;get;iamidentitymapping'= {
        }
        &'eksup;help;get;capability'= {
        }
        &'eksup;help;get;repository'= {
        }
        &'eksup;help;get;orphans'= {
        }
        &'eksup;help;delete'= {
            cand cluster 'Delete a cluster and everything eksup created for it'
            cand nodegroup 'Delete a node group'
            cand podidentityassociation 'Delete a pod identity association, and its IAM role when eksup made it'
            cand addon 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone'
            cand fargateprofile 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)'
            cand accessentry 'Delete a cluster''s access entry for an IAM principal (and its access policies)'
            cand iamidentitymapping 'Delete a cluster''s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account''s `mapAccounts` entry'
            cand capability 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it'
            cand iamserviceaccount 'Delete a service account''s IAM role and the Kubernetes ServiceAccount, each when eksup made it'
            cand repository 'Delete an ECR repository'
            cand orphans 'Delete what eksup left behind for a cluster that no longer exists'
        }
        &'eksup;help;delete;cluster'= {
        }
        &'eksup;help;delete;nodegroup'= {
        }
        &'eksup;help;delete;podidentityassociation'= {
        }
        &'eksup;help;delete;addon'= {
        }
        &'eksup;help;delete;fargateprofile'= {
        }
        &'eksup;help;delete;accessentry'= {
        }
        &'eksup;help;delete;iamidentitymapping'= {
        }
        &'eksup;help;delete;capability'= {
        }
        &'eksup;help;delete;iamserviceaccount'= {
        }
        &'eksup;help;delete;repository'= {
        }
        &'eksup;help;delete;orphans'= {
        }
        &'eksup;help;scale'= {
            cand nodegroup 'Change desired, min and max of a node group'
        }
        &'eksup;help;scale;nodegroup'= {
        }
        &'eksup;help;set'= {
            cand labels 'Add or change labels of a managed node group''s nodes (UpdateNodegroupConfig)'
        }
        &'eksup;help;set;labels'= {
        }
        &'eksup;help;unset'= {
            cand labels 'Remove labels of a managed node group''s nodes (UpdateNodegroupConfig)'
        }
        &'eksup;help;unset;labels'= {
        }
        &'eksup;help;drain'= {
            cand nodegroup 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets'
        }
        &'eksup;help;drain;nodegroup'= {
        }
        &'eksup;help;update'= {
            cand addon 'Change an add-on''s version, configuration values or service account role, and wait'
        }
        &'eksup;help;update;addon'= {
        }
        &'eksup;help;upgrade'= {
            cand cluster 'Upgrade the control plane one minor version, then the add-ons to versions that run on it'
            cand nodegroup 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)'
        }
        &'eksup;help;upgrade;cluster'= {
        }
        &'eksup;help;upgrade;nodegroup'= {
        }
        &'eksup;help;utils'= {
            cand write-kubeconfig 'Write or refresh a cluster''s kubeconfig entries'
            cand schema 'Print the JSON Schema of the cluster config, for editors'
            cand man-pages 'Write a man page per command (roff) into a directory'
            cand update-cluster-logging 'Turn control-plane log types on or off (CloudWatch)'
            cand update-cluster-vpc-config 'Change the API server''s endpoint access: public, private, and the CIDRs allowed'
            cand update-authentication-mode 'Move the cluster''s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)'
            cand associate-iam-oidc-provider 'Create the IAM OIDC provider that lets the cluster''s service accounts take IAM roles'
            cand nodegroup-health 'Show the health issues EKS reports for a managed node group'
            cand describe-addon-versions 'Show the add-on versions EKS offers for a Kubernetes version'
            cand describe-cluster-versions 'Show the Kubernetes versions EKS offers, with their support dates'
        }
        &'eksup;help;utils;write-kubeconfig'= {
        }
        &'eksup;help;utils;schema'= {
        }
        &'eksup;help;utils;man-pages'= {
        }
        &'eksup;help;utils;update-cluster-logging'= {
        }
        &'eksup;help;utils;update-cluster-vpc-config'= {
        }
        &'eksup;help;utils;update-authentication-mode'= {
        }
        &'eksup;help;utils;associate-iam-oidc-provider'= {
        }
        &'eksup;help;utils;nodegroup-health'= {
        }
        &'eksup;help;utils;describe-addon-versions'= {
        }
        &'eksup;help;utils;describe-cluster-versions'= {
        }
        &'eksup;help;set-context'= {
        }
        &'eksup;help;get-token'= {
        }
        &'eksup;help;ecr'= {
            cand login 'Log Docker in to the account''s registry'
        }
        &'eksup;help;ecr;login'= {
        }
        &'eksup;help;init'= {
        }
        &'eksup;help;completion'= {
        }
        &'eksup;help;version'= {
        }
        &'eksup;help;help'= {
        }
    ]
    $completions[$command]
}
