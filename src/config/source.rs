//! The config's bytes as text: at most [`MAX_BYTES`] (a ClusterConfig is a few kilobytes; `-f
//! /dev/zero` must fail at once, not after filling the memory), and UTF-8, with the line and
//! column of the first byte that is not.

use std::io::{self, Read};

use crate::error::UserError;

/// The largest config eksup reads: 4 MiB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Read at most [`MAX_BYTES`] + 1 bytes (one more than allowed, so that [`decode`] can tell a
/// config of exactly the limit from a larger one).
pub fn read_capped(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The text of a config read with [`read_capped`]. `origin` names it in messages (a path or
/// `<stdin>`).
pub fn decode(bytes: Vec<u8>, origin: &str) -> Result<String, UserError> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(origin));
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let (line, column) = position(bytes, e.utf8_error().valid_up_to());
        let byte = bytes[e.utf8_error().valid_up_to()];
        let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
        UserError::new(format!(
            "config `{origin}` is not UTF-8: byte `0x{byte:02x}` at line {line} column {column}"
        ))
        .hint(if utf16 {
            "the file looks like UTF-16: save it as UTF-8"
        } else {
            "save the file as UTF-8"
        })
    })
}

/// The error for a config larger than [`MAX_BYTES`].
fn too_large(origin: &str) -> UserError {
    let hint = if origin == "<stdin>" {
        "a ClusterConfig is a few kilobytes: check what is sent to `-f -`"
    } else {
        "a ClusterConfig is a few kilobytes: check the path given to `-f`"
    };
    UserError::new(format!("config `{origin}` is larger than 4 MiB")).hint(hint)
}

/// The 1-based line and column (in characters) of `bytes[offset]`, where `bytes[..offset]` is
/// valid UTF-8 (as [`std::str::Utf8Error::valid_up_to`] says).
pub fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Count characters, not bytes: UTF-8 continuation bytes are `10xxxxxx`.
    let column = before[line_start..].iter().filter(|&&b| b & 0xc0 != 0x80).count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_at_most_one_byte_more_than_allowed() {
        let bytes = read_capped(io::repeat(b'a')).unwrap();
        assert_eq!(bytes.len(), MAX_BYTES + 1);
        let e = decode(bytes, "big.yaml").unwrap_err();
        assert_eq!(e.message, "config `big.yaml` is larger than 4 MiB");
        assert_eq!(e.hints, ["a ClusterConfig is a few kilobytes: check the path given to `-f`"]);
        let exactly = vec![b'#'; MAX_BYTES];
        assert_eq!(decode(read_capped(&exactly[..]).unwrap(), "ok.yaml").unwrap().len(), MAX_BYTES);
    }

    #[test]
    fn invalid_utf8_has_its_line_and_column_in_characters() {
        let e = decode(b"a: 1\nname: \xc3\xa9t\xe9\n".to_vec(), "c.yaml").unwrap_err();
        assert_eq!(e.message, "config `c.yaml` is not UTF-8: byte `0xe9` at line 2 column 9");
        assert_eq!(e.hints, ["save the file as UTF-8"]);
        let e = decode(b"\xff\xfea\x00".to_vec(), "<stdin>").unwrap_err();
        assert!(e.message.contains("`0xff` at line 1 column 1"), "{}", e.message);
        assert_eq!(e.hints, ["the file looks like UTF-16: save it as UTF-8"]);
        assert_eq!(decode("été: 1\n".as_bytes().to_vec(), "c.yaml").unwrap(), "été: 1\n");
    }

    #[test]
    fn positions() {
        assert_eq!(position(b"", 0), (1, 1));
        assert_eq!(position(b"ab\ncd", 4), (2, 2));
        assert_eq!(position("é\né".as_bytes(), 5), (2, 2));
    }
}
