//! [`Run`]: the exit code and output of one finished command, with the checks tests make on it.

use serde_json::Value;

/// The result of one `eksup` run.
#[derive(Debug)]
pub struct Run {
    /// The exit code; -1 when a signal ended the process.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Runs `cmd` to the end.
    pub fn of(cmd: &mut assert_cmd::Command) -> Run {
        let out = cmd.output().expect("cannot run eksup");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Panics with both outputs unless the run exited with `code`.
    #[track_caller]
    pub fn expect(self, code: i32, what: &str) -> Run {
        assert_eq!(
            self.code, code,
            "{what}: exit code {} (expected {code})\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    /// Every stdout line parsed as JSON (panics on a line that is not JSON).
    #[track_caller]
    pub fn events(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l:?}\n{}", self.stdout))
            })
            .collect()
    }

    /// The final `summary` event.
    #[track_caller]
    pub fn summary(&self) -> Value {
        let events = self.events();
        let last = events.last().cloned().unwrap_or_else(|| panic!("no JSON on stdout:\n{}", self.stderr));
        assert_eq!(last["event"], "summary", "the last line is not the summary: {last}");
        last
    }
}
