//! Reading and writing kubeconfig files: an exclusive lock, read, change, atomic write.
//!
//! Every change runs under an exclusive `File::lock` on a sidecar `.<file>.eksup.lock` in the
//! kubeconfig's directory (the sidecar is left in place: deleting a lock file races with the
//! next locker). A file is replaced by [`crate::fs::write_atomic`] (mode 0600): a reader sees the
//! old or the new file, never half of one, and the temporary files of killed writers are removed
//! under the file's lock. A file that does not parse (YAML syntax, structure, or bytes that are
//! not UTF-8) is never written, and neither is a text that does not read back as the same data.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::document::{Document, Removed, Section};
use super::{ClusterEntry, KubeconfigTarget};
use crate::error::UserError;

/// What [`write_cluster_entries`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOutcome {
    /// The files written (one, unless `$KUBECONFIG` lists several and an entry already lived
    /// in another file).
    pub files: Vec<PathBuf>,
    /// The context name.
    pub context: String,
    /// Whether the context is now the current-context.
    pub current_context_set: bool,
    /// Whether the context already existed (a refresh) or is new.
    pub updated: bool,
}

/// What [`remove_cluster_entries`] took out, file by file (only files that changed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoveOutcome {
    pub files: Vec<(PathBuf, Removed)>,
}

impl RemoveOutcome {
    /// The names of every removed cluster, user and context entry.
    pub fn names(&self) -> Vec<String> {
        let mut names = Vec::new();
        for (_, r) in &self.files {
            names.extend(r.contexts.iter().chain(&r.users).chain(&r.clusters).cloned());
        }
        names.sort();
        names.dedup();
        names
    }

    /// The current-context that was cleared because it pointed at a removed context.
    pub fn current_context_cleared(&self) -> Option<&str> {
        self.files.iter().find_map(|(_, r)| r.current_context_cleared.as_deref())
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Write the cluster, user and context of `entry` and, with `set_current`, make the context
/// current. Placement follows client-go: an existing entry is updated in the first file that
/// defines it; new entries and the current-context go to [`KubeconfigTarget::default_file`].
pub fn write_cluster_entries(
    target: &KubeconfigTarget,
    entry: &ClusterEntry,
    set_current: bool,
) -> Result<WriteOutcome> {
    let default = target.default_file().to_path_buf();
    let default_real = resolve_link(&default);
    if let Some(dir) = default_real.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_dir(dir)?;
    }
    let _locks = lock_all(target.files())?;
    let mut files = load_all(target.files())?;
    // Under the lock, existence is settled.
    let default_idx = files.iter().position(|f| f.existed).unwrap_or(0);
    let place = |files: &[Loaded], section: Section, name: &str| {
        files.iter().position(|f| f.existed && f.doc.contains(section, name)).unwrap_or(default_idx)
    };
    let updated = files.iter().any(|f| f.doc.contains(Section::Contexts, &entry.names.context));

    let i = place(&files, Section::Clusters, &entry.names.cluster);
    files[i].doc.merge_cluster(entry);
    files[i].dirty = true;
    let i = place(&files, Section::Users, &entry.names.user);
    files[i].doc.merge_user(entry);
    files[i].dirty = true;
    let i = place(&files, Section::Contexts, &entry.names.context);
    files[i].doc.merge_context(entry);
    files[i].dirty = true;
    if set_current {
        files[default_idx].doc.set_current_context(&entry.names.context);
        files[default_idx].dirty = true;
    }

    let mut written = Vec::new();
    for f in files.iter().filter(|f| f.dirty) {
        if let Some(dir) = f.real.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_dir(dir)?;
        }
        write_document(f)?;
        written.push(f.path.clone());
    }
    Ok(WriteOutcome {
        files: written,
        context: entry.names.context.clone(),
        current_context_set: set_current,
        updated,
    })
}

/// Remove the entries eksup wrote for `cluster` in `region` from every file of the target, and
/// clear a current-context that pointed at them (see [`Document::remove_cluster`]). Files that
/// do not exist are skipped; if any file does not parse, nothing is written.
pub fn remove_cluster_entries(
    target: &KubeconfigTarget,
    cluster: &str,
    region: &str,
) -> Result<RemoveOutcome> {
    let _locks = lock_all(target.files())?;
    let mut files: Vec<Loaded> = load_all(target.files())?.into_iter().filter(|f| f.existed).collect();
    let mut removed: Vec<Removed> = vec![Removed::default(); files.len()];
    // The same steps as `Document::remove_cluster`, across files: a context in one file may
    // point at a cluster or use a user defined in another.
    let clusters: Vec<String> = files.iter().flat_map(|f| f.doc.eksup_clusters(cluster, region)).collect();
    let mut users = Vec::new();
    for (f, r) in files.iter_mut().zip(&mut removed) {
        let (contexts, u) = f.doc.remove_contexts_of(&clusters);
        r.contexts = contexts;
        users.extend(u);
    }
    let all_contexts: Vec<String> = removed.iter().flat_map(|r| r.contexts.clone()).collect();
    let still_used: Vec<String> =
        files.iter().flat_map(|f| f.doc.context_users().into_iter().map(str::to_string)).collect();
    users.retain(|u| !still_used.contains(u));
    users.sort();
    users.dedup();
    for (f, r) in files.iter_mut().zip(&mut removed) {
        for user in &users {
            if f.doc.remove_user_if_get_token(user, cluster, region) {
                r.users.push(user.clone());
            }
        }
        r.clusters = f.doc.remove_clusters(&clusters);
        r.current_context_cleared = f.doc.clear_current_if(&all_contexts);
    }
    let mut outcome = RemoveOutcome::default();
    for (f, r) in files.iter().zip(removed) {
        if r.is_empty() && r.current_context_cleared.is_none() {
            continue;
        }
        write_document(f)?;
        outcome.files.push((f.path.clone(), r));
    }
    Ok(outcome)
}

/// Render a document and replace its file, after reading the text back: a text that does not
/// read back as the same data is never written. Stale temporary files of the file go first.
fn write_document(f: &Loaded) -> Result<()> {
    let text = f.doc.render();
    check_round_trip(&f.doc, &text, &f.path)?;
    crate::fs::write_atomic(&f.real, text.as_bytes(), 0o600)
        .with_context(|| format!("failed to write kubeconfig `{}`", f.path.display()))
}

pub(crate) fn check_round_trip(doc: &Document, text: &str, path: &Path) -> Result<()> {
    if Document::parse(text).is_ok_and(|back| back.same_data(doc)) {
        return Ok(());
    }
    Err(UserError::new(format!(
        "eksup could not write kubeconfig `{}` so that it reads back the same; the file is unchanged",
        path.display()
    ))
    .hint("this is a bug in eksup: please report it with the file's layout (not its credentials)")
    .into())
}

/// Read and parse one kubeconfig (an empty document if it does not exist).
pub fn load(path: &Path) -> Result<Document> {
    Ok(load_one(path)?.doc)
}

struct Loaded {
    /// The path as given.
    path: PathBuf,
    /// The path with symbolic links followed: the file that is replaced.
    real: PathBuf,
    existed: bool,
    doc: Document,
    dirty: bool,
}

fn load_all(paths: &[PathBuf]) -> Result<Vec<Loaded>> {
    paths.iter().map(|p| load_one(p)).collect()
}

fn load_one(path: &Path) -> Result<Loaded> {
    let real = resolve_link(path);
    let text = match fs::read(&real) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(anyhow::Error::new(e).context(
                UserError::new(format!("cannot read kubeconfig `{}`", path.display()))
                    .hint("check the file's permissions, or pass another file with `--kubeconfig`"),
            ));
        }
    };
    let doc = match &text {
        None => Document::empty(),
        Some(bytes) => {
            // kubectl refuses bytes that are not UTF-8 too; replacing them would rewrite the file.
            let text = std::str::from_utf8(bytes).map_err(|e| {
                let (line, column) = crate::config::source::position(bytes, e.valid_up_to());
                let byte = bytes[e.valid_up_to()];
                UserError::new(format!(
                    "cannot parse kubeconfig `{}` at line {line} column {column}: byte `0x{byte:02x}` is not UTF-8",
                    path.display()
                ))
                .hint(
                    "save the file as UTF-8, or move it away, then run the command again; eksup never \
                     overwrites a kubeconfig it cannot parse",
                )
            })?;
            Document::parse(text).map_err(|e| {
                let at = match (e.line, e.column) {
                    (Some(l), Some(c)) => format!(" at line {l} column {c}"),
                    (Some(l), None) => format!(" at line {l}"),
                    _ => String::new(),
                };
                UserError::new(format!("cannot parse kubeconfig `{}`{at}: {}", path.display(), e.message))
                    .hint(
                        "fix the file or move it away, then run the command again; eksup never overwrites a \
                     kubeconfig it cannot parse",
                    )
            })?
        }
    };
    Ok(Loaded { path: path.to_path_buf(), real, existed: text.is_some(), doc, dirty: false })
}

/// Follow symbolic links (also dangling ones) to the file that is really written.
pub(crate) fn resolve_link(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => match fs::read_link(&current) {
                Ok(target) => {
                    current = match current.parent() {
                        Some(dir) if target.is_relative() => dir.join(target),
                        _ => target,
                    };
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    current
}

/// Exclusive locks on the sidecars of all files whose directory exists, taken in sorted order so
/// that two processes with differently ordered `KUBECONFIG` lists cannot deadlock. If another
/// process created a directory meanwhile (so the set of sidecars changed), lock again.
fn lock_all(paths: &[PathBuf]) -> Result<Vec<File>> {
    let sidecars = || {
        let mut s: Vec<PathBuf> = paths
            .iter()
            .map(|p| lock_path(&resolve_link(p)))
            .filter(|l| l.parent().is_none_or(|d| d.as_os_str().is_empty() || d.is_dir()))
            .collect();
        s.sort();
        s.dedup();
        s
    };
    loop {
        let wanted = sidecars();
        let locks = wanted.iter().map(|l| lock_file(l)).collect::<Result<Vec<File>>>()?;
        if sidecars() == wanted {
            return Ok(locks);
        }
    }
}

/// `.<file>.eksup.lock` beside the file.
pub(crate) fn lock_path(file: &Path) -> PathBuf {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "config".into());
    file.with_file_name(format!(".{name}.eksup.lock"))
}

pub(crate) fn lock_file(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).map_err(|e| {
        anyhow::Error::new(e).context(
            UserError::new(format!("cannot create the lock file `{}`", path.display()))
                .hint("check that the kubeconfig's directory is writable"),
        )
    })?;
    file.lock().with_context(|| format!("failed to lock `{}`", path.display()))?;
    Ok(file)
}

pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| {
        anyhow::Error::new(e).context(
            UserError::new(format!("cannot create the directory `{}`", dir.display()))
                .hint("check the permissions of its parent, or pass another file with `--kubeconfig`"),
        )
    })
}
