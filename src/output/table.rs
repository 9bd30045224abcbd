//! Plain aligned tables for `get` commands.

/// Render rows under a header, columns separated by two spaces, padded to the widest cell.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = String>, out: &mut String| {
        let cells: Vec<String> = cells.collect();
        let last = cells.len().saturating_sub(1);
        for (i, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if i < last {
                let pad = widths[i] - cell.chars().count() + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push('\n');
    };
    line(&mut header.iter().map(|h| (*h).to_string()), &mut out);
    for row in rows {
        line(&mut row.iter().cloned(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn aligns_columns() {
        let t = super::render(&["NAME", "STATUS"], &[vec!["a-long-name".into(), "ACTIVE".into()]]);
        assert_eq!(t, "NAME         STATUS\na-long-name  ACTIVE\n");
    }
}
