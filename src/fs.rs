//! The one atomic file writer: every file eksup writes (kubeconfigs, the token cache, Docker's
//! config, `init`'s YAML, timelines) is replaced through [`write_atomic`].
//!
//! A file is replaced by writing a temporary file in the same directory, fsync, rename, fsync of
//! the directory: a reader sees the old or the new file, never half of one.
//!
//! A writer killed between creating its temporary file and the rename leaves that file behind:
//! `.<file>.eksup-<pid>-<nanos>.tmp`. Each write first removes the ones of the file it writes
//! whose `<pid>` is not a running process (`/proc/<pid>` is missing). Writers of kubeconfigs do so
//! under the file's lock, which every eksup writer holds while its temporary file exists; the pid
//! check also spares a writer that holds no lock. Other files, and temporary files of other
//! files, are never touched. Where there is no `/proc` (macOS), nothing is removed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replace `path` with `bytes`; the new file has `mode` (on Unix, before the umask). On failure
/// the old file is untouched and the temporary file removed. Stale temporary files of `path`
/// go first (see the module docs). The directory must exist.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    remove_stale_temp_files(path);
    let dir = parent_dir(path);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let tmp = dir.join(format!(".{name}.eksup-{}-{nanos}.tmp", std::process::id()));
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The directory `path` is in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Remove `.<file>.eksup-<pid>-<nanos>.tmp` files beside `file` whose writer is gone (see the
/// module docs). Best effort: a file that cannot be listed or removed is left.
fn remove_stale_temp_files(file: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Some(name) = file.file_name().and_then(|n| n.to_str()) else { return };
    let prefix = format!(".{name}.eksup-");
    let Ok(entries) = fs::read_dir(parent_dir(file)) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| temp_file_pid(n, &prefix)) else { continue };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The pid in a temporary file name `<prefix><pid>-<nanos>.tmp` (see [`write_atomic`]).
fn temp_file_pid(file_name: &str, prefix: &str) -> Option<u32> {
    let rest = file_name.strip_prefix(prefix)?.strip_suffix(".tmp")?;
    let (pid, nanos) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(nanos) {
        return None;
    }
    pid.parse().ok()
}
