//! Messages in the editors' language, through the real binary: `--lang vi`
//! and a Vietnamese locale give Vietnamese for the mistakes people make in
//! their files, located at the line and column of the mistake; `--lang en`
//! overrides the locale; and the default is English.

use crate::common;

use common::*;

/// One broken file on a good site, and what `loa check` must say about it.
struct Case {
    /// What the mistake is (for the assertion messages).
    what: &'static str,
    /// The file written over the good site, and its text.
    file: &'static str,
    text: &'static str,
    /// `file:line:column` of the mistake.
    at: &'static str,
    /// Parts of the Vietnamese message and hint.
    vi: &'static [&'static str],
    /// Parts of the English message and hint.
    en: &'static [&'static str],
}

const PAGE: &str = "content/pages/loi.md";

const CASES: &[Case] = &[
    Case {
        what: "a missing space after `:`",
        file: PAGE,
        text: "---\ntitle: Gọi 111\nsummary:Khi cần giúp đỡ\n---\nNội dung.\n",
        at: "content/pages/loi.md:3:8",
        vi: &["thiếu dấu cách sau dấu hai chấm của `summary`", "gợi ý: hãy gõ một dấu cách sau dấu hai chấm: summary: Khi cần giúp đỡ"],
        en: &["there is no space after the `:` of `summary`", "hint: write a space after the colon: summary: Khi cần giúp đỡ"],
    },
    Case {
        what: "a missing space after `:` on the only line",
        file: PAGE,
        text: "---\ntitle:Gọi 111\n---\nNội dung.\n",
        at: "content/pages/loi.md:2:6",
        vi: &["thiếu dấu cách sau dấu hai chấm của `title`", "title: Gọi 111"],
        en: &["there is no space after the `:` of `title`"],
    },
    Case {
        what: "a tab in the indentation",
        file: PAGE,
        text: "---\ntitle: Gọi 111\n\tsummary: Khi cần giúp đỡ\n---\n",
        at: "content/pages/loi.md:3:1",
        vi: &["dòng này được thụt vào bằng phím Tab", "gợi ý: YAML chỉ thụt đầu dòng bằng dấu cách"],
        en: &["a tab is used for indentation", "hint: YAML indents with spaces, not tabs"],
    },
    Case {
        what: "an unclosed `[`",
        file: PAGE,
        text: "---\ntitle: Gọi 111\naudience: [cha-me, tre-em\nsummary: Khi cần giúp đỡ\n---\n",
        at: "content/pages/loi.md:3:11",
        vi: &["dấu `[` mở đầu danh sách này chưa được đóng lại", "hãy kết thúc danh sách bằng dấu `]`: audience: [cha-me, tre-em]"],
        en: &["the `[` that opens this list is not closed", "audience: [cha-me, tre-em]"],
    },
    Case {
        what: "an unclosed quote",
        file: PAGE,
        text: "---\ntitle: \"Gọi 111\nsummary: Khi cần giúp đỡ\n---\n",
        at: "content/pages/loi.md:2:8",
        vi: &["dấu ngoặc \" mở đầu giá trị này chưa được đóng lại", "title: \"Gọi 111\""],
        en: &["the quote \" that opens this value is not closed"],
    },
    Case {
        what: "a `: ` inside a value",
        file: PAGE,
        text: "---\ntitle: Ngày hội: vui chơi an toàn\n---\n",
        at: "content/pages/loi.md:2:16",
        vi: &["giá trị này có dấu hai chấm và dấu cách (`: `), nên YAML hiểu nhầm đó là chỗ bắt đầu một mục mới", "hãy đặt cả giá trị trong dấu ngoặc kép: title: \"Ngày hội: vui chơi an toàn\""],
        en: &["this value contains `: ` (a colon and a space), which YAML reads as the start of another key", "put the whole value in quotes"],
    },
    Case {
        what: "a date YAML reads as a number",
        file: PAGE,
        text: "---\ntitle: Gọi 111\ndate: 20270601\n---\n",
        at: "content/pages/loi.md:3:7",
        vi: &["`20270601` không phải là một ngày", "năm-tháng-ngày: 2027-06-01"],
        en: &["`20270601` is not a date", "year-month-day: 2027-06-01"],
    },
    Case {
        what: "a date written day first",
        file: PAGE,
        text: "---\ntitle: Gọi 111\npublish: 1/6/2027\n---\n",
        at: "content/pages/loi.md:3:10",
        vi: &["`1/6/2027` không phải là một ngày", "2027-06-01"],
        en: &["`1/6/2027` is neither a date nor an offset", "2027-06-01"],
    },
    Case {
        what: "an unknown key",
        file: PAGE,
        text: "---\ntitle: Gọi 111\ntittle: Gọi 111\n---\n",
        at: "content/pages/loi.md:3:1",
        vi: &["loa không biết mục `tittle`", "gợi ý: có phải bạn muốn viết `title`?"],
        en: &["unknown key `tittle`", "hint: did you mean `title`?"],
    },
    Case {
        what: "an audience of the wrong kind",
        file: PAGE,
        text: "---\ntitle: Gọi 111\naudience: {cha-me: có}\n---\n",
        at: "content/pages/loi.md:3:11",
        vi: &["`audience` phải là một hoặc nhiều nhóm: tre-em, cha-me, giao-vien, cong-dong, can-bo"],
        en: &["`audience` must be one or more groups: tre-em, cha-me, giao-vien, cong-dong, can-bo"],
    },
    Case {
        what: "an unknown audience",
        file: PAGE,
        text: "---\ntitle: Gọi 111\naudience: [cha-me, ong-ba]\n---\n",
        at: "content/pages/loi.md:3:11",
        vi: &["`ong-ba` không phải là một nhóm người đọc; các nhóm là: ", "audience_ong_ba"],
        en: &["`ong-ba` is not one of the audiences: "],
    },
    Case {
        what: "a broken link",
        file: PAGE,
        text: "---\ntitle: Gọi 111\n---\n\nXem [hướng dẫn](huong-dan-khong-co.md).\n",
        at: "content/pages/loi.md:5:5",
        vi: &["không có `huong-dan-khong-co.md` (loa đã tìm content/pages/huong-dan-khong-co.md)", "gợi ý: hãy liên kết tới trang khác bằng tệp Markdown của nó"],
        en: &["`huong-dan-khong-co.md` does not exist (looked for content/pages/huong-dan-khong-co.md)"],
    },
    Case {
        what: "a `when` YAML reads as a number",
        file: "calendar.yaml",
        text: "timezone: Asia/Ho_Chi_Minh\ncampaigns:\n  - id: thang-tre-em\n    title: Tháng hành động vì trẻ em\n    when: 30.4\n",
        at: "calendar.yaml:5:11",
        vi: &["`when` phải là một ngày viết ngày/tháng", "YAML hiểu `30.4` là một con số; hãy viết ngày thành 30/4"],
        en: &["`when` must be a date written day/month", "write the date as 30/4"],
    },
    Case {
        what: "a day that does not exist",
        file: "calendar.yaml",
        text: "campaigns:\n  - id: thang-tre-em\n    title: Tháng hành động vì trẻ em\n    when: 31/2\n",
        at: "calendar.yaml:4:11",
        vi: &["31/2 không phải là một ngày có thật (tháng 2 có nhiều nhất 29 ngày)"],
        en: &["31/2 is not a date (February has 29 days at most)"],
    },
];

/// The good site with `case`'s file written over it (and the other
/// campaigns' folders removed when the calendar is replaced).
fn broken(case: &Case) -> Site {
    let s = site("good");
    if case.file == "calendar.yaml" {
        for dir in ["trung-thu", "chong-mua-ban-nguoi"] {
            std::fs::remove_dir_all(s.root.join("content").join(dir)).unwrap();
        }
    }
    s.write(case.file, case.text);
    s
}

fn check(s: &Site, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let mut args = vec!["check", "--root", s.root.to_str().unwrap()];
    args.extend(extra);
    let cwd = tempfile::TempDir::new().unwrap();
    let run = loa_in_env(cwd.path(), args, env);
    run.expect_code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// The located first line in Vietnamese, the place in words under the
/// quoted line, the hint, and the count: for every kind of mistake.
#[test]
fn lang_vi_explains_each_mistake_in_vietnamese_at_its_place() {
    for case in CASES {
        let s = broken(case);
        let run = check(&s, &["--lang", "vi"], &[]);
        let (line, column) = {
            let mut parts = case.at.rsplitn(3, ':');
            let column = parts.next().unwrap();
            (parts.next().unwrap(), column)
        };
        let head = format!("lỗi: {}: {}", case.at, case.vi[0]);
        assert!(run.stderr.contains(&head), "{}: no {head:?} in\n{}", case.what, run.stderr);
        let place = format!("dòng {line}, cột {column}");
        assert!(run.stderr.contains(&place), "{}: no {place:?} in\n{}", case.what, run.stderr);
        for part in case.vi {
            assert!(run.stderr.contains(part), "{}: no {part:?} in\n{}", case.what, run.stderr);
        }
        assert!(run.stderr.contains("Có 1 lỗi; chưa có tệp nào được ghi."), "{}: {}", case.what, run.stderr);
        for english in ["error:", "hint:", "line ", "column ", "found; nothing"] {
            assert!(!run.stderr.contains(english), "{}: English {english:?} in\n{}", case.what, run.stderr);
        }
    }
}

/// The same in English when asked, whatever the locale.
#[test]
fn lang_en_overrides_a_vietnamese_locale() {
    for case in CASES {
        let s = broken(case);
        let run = check(&s, &["--lang", "en"], &[("LANG", "vi_VN.UTF-8")]);
        let head = format!("error: {}: {}", case.at, case.en[0]);
        assert!(run.stderr.contains(&head), "{}: no {head:?} in\n{}", case.what, run.stderr);
        for part in case.en {
            assert!(run.stderr.contains(part), "{}: no {part:?} in\n{}", case.what, run.stderr);
        }
        assert!(run.stderr.contains("1 error found; nothing was written."), "{}", run.stderr);
        assert!(!run.stderr.contains("lỗi"), "{}", run.stderr);
    }
}

/// The terminal's locale chooses, in POSIX order (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`); without one, English.
#[test]
fn the_locale_chooses_the_language() {
    let case = &CASES[0];
    let s = broken(case);
    let vi = format!("lỗi: {}: {}", case.at, case.vi[0]);
    let en = format!("error: {}: {}", case.at, case.en[0]);
    for (env, expect) in [
        (&[("LANG", "vi_VN.UTF-8")][..], &vi),
        (&[("LANG", "vi")][..], &vi),
        (&[("LC_MESSAGES", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")][..], &vi),
        (&[("LC_ALL", "vi_VN.UTF-8"), ("LANG", "C")][..], &vi),
        (&[("LC_ALL", "C"), ("LANG", "vi_VN.UTF-8")][..], &en),
        (&[("LANG", "en_US.UTF-8")][..], &en),
        (&[][..], &en),
    ] {
        let run = check(&s, &[], env);
        assert!(run.stderr.contains(expect.as_str()), "{env:?}: no {expect:?} in\n{}", run.stderr);
    }
}

/// Summaries are in the language too, and `--lang` works before or after
/// the command, in either spelling.
#[test]
fn summaries_in_vietnamese() {
    let s = site("good");
    let cwd = tempfile::TempDir::new().unwrap();
    let root = s.root.to_str().unwrap();
    let run = loa_in(cwd.path(), ["--lang", "vi", "check", "--root", root]);
    run.ok().stdout_has("Không có lỗi trong 13 trang (kể cả bản nháp");
    let out = s.beside("out");
    let run = loa_in_env(cwd.path(), ["build", "--root", root, "--out", out.to_str().unwrap(), "--at", "2027-06-10", "--lang=vi"], &[]);
    run.ok().stdout_has("Đã dựng 12 trang (").stdout_has("cho ngày 2027-06-10").stdout_has("Trang thay đổi lần tới vào ngày");
    let run = loa_in_env(cwd.path(), ["schedule", "--root", root, "--from", "2027-01-01", "--to", "2027-12-31"], &[("LANG", "vi_VN.UTF-8")]);
    run.ok().stdout_has("Lịch từ 2027-01-01 đến 2027-12-31").stdout_has("trạng thái ngày 2027-01-01").stdout_has("chưa đến kỳ").stdout_has("Dựng lại trang vào những ngày này");
    // A date clap refuses, in the language asked for.
    let run = loa_in(cwd.path(), ["build", "--root", root, "--at", "10/6/2027", "--lang", "vi"]);
    run.expect_code(2).stderr_has("`10/6/2027` không phải là một ngày; hãy viết theo dạng năm-tháng-ngày");
    // An unknown language is a usage error.
    loa_in(cwd.path(), ["check", "--root", root, "--lang", "fr"]).expect_code(2);
}
