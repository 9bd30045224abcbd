#!/bin/bash
set -o errexit -o nounset -o xtrace
{{pre_bootstrap_commands}}
{{bootstrap_command}}
