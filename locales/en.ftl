# loa's messages in English.
#
# Every message has the same key in vi.ftl, with the same values in braces
# ({ $file }, { $count }): translate the words, keep the values. A message
# that depends on a number chooses its form by the number:
#   { $count -> [one] 1 error *[other] { $count } errors }
# Values in `backticks` are what people type in their files; keep them as
# they are. `cargo test` checks that both files have the same keys and values.

## How a problem is shown

diag-error = error
diag-warning = warning
diag-note = note
diag-hint = hint
# Where a problem is, in words, under the line it quotes.
diag-at = line { $line }, column { $column }
diag-by-file = By file:
diag-file-counts = { $file }: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
diag-summary-errors = { $count ->
    [one] 1 error found; nothing was written.
   *[other] { $count } errors found; nothing was written.
}

## What the operating system says when a file cannot be read or written

io-not-found = it does not exist
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-a-folder = it is a folder, not a file
io-not-a-folder = a part of the path is a file, not a folder
io-invalid-data = its contents are not what was expected
io-other = { $detail }

## YAML: the files people write (site.yaml, calendar.yaml, front matter)

yaml-tab-indent = a tab is used for indentation
yaml-tab-indent-hint = YAML indents with spaces, not tabs: replace the tab with spaces
yaml-unknown-key = unknown key `{ $key }`
yaml-did-you-mean = did you mean `{ $key }`?
yaml-keys-here = the keys here are: { $keys }
yaml-no-keys-here = nothing can be written here
yaml-missing-key = `{ $key }` is missing
yaml-missing-key-hint = add a line `{ $key }: …`; the README lists the keys this file needs
yaml-missing-key-takes = add a line `{ $key }: …`: { $takes }
yaml-duplicate-key = the key `{ $key }` is given twice
yaml-duplicate-key-hint = keep one of them: a later value would silently replace the first
yaml-no-space-after-colon = there is no space after the `:` of `{ $key }`
yaml-no-space-after-colon-hint = write a space after the colon: { $fixed }
yaml-unclosed-quote = the quote { $quote } that opens this value is not closed
yaml-unclosed-quote-hint = end the value with the same quote: { $fixed }
yaml-unclosed-list = the `[` that opens this list is not closed
yaml-unclosed-list-hint = end the list with `]`: { $fixed }
yaml-unclosed-braces = the `{"{"}` that opens this value is not closed
yaml-unclosed-braces-hint = end it with `{"}"}`, as in {"{"}vi: Tiêu đề, en: Title{"}"}
yaml-colon-in-value = this value contains `: ` (a colon and a space), which YAML reads as the start of another key
yaml-colon-in-value-hint = put the whole value in quotes: { $fixed }
yaml-indent = `{ $key }` is indented more than the keys above it
yaml-indent-hint = start `{ $key }:` in the same column as the other keys; if the line continues the value above, write that value on one line
yaml-line-not-key = this line is not `key: value`
yaml-line-not-key-hint = write the key, a colon, a space and the value, such as `date: 2027-05-20`
yaml-line-not-key-colon-hint = did you mean `{ $fixed }`?
yaml-list-item-hint = an item `- …` of a list goes under its key, indented like the other items
yaml-not-keys = this file is not a list of `key: value` lines
yaml-wrong-value = `{ $key }` must be { $takes }
yaml-wrong-value-unknown = `{ $key }` does not take a value like this one
yaml-empty-value = `{ $key }` has no value
yaml-empty-value-takes = `{ $key }` has no value: it must be { $takes }
yaml-number-not-date-hint = YAML reads `{ $value }` as a number; write the date as { $fixed }
# The parser's own words, in English, are the detail.
yaml-syntax = loa cannot read this line of the file
yaml-wrong-kind-here = a value here is not of the kind this place takes
yaml-wrong-kind-here-takes = a value here is not of the kind this place takes: it takes { $takes }
yaml-block-hint = write the settings of `{ $key }` on the lines below it, each indented by two spaces, e.g. `  name: …`
shape-block = settings on the lines below it, each `key: value` and indented
shape-list = a list: `[a, b]`, or lines below it each starting with `- `
shape-number = a number
yaml-after-quote = there is text after the closing quote of this value
yaml-after-quote-hint = a value in quotes ends at its closing quote: put the whole value inside the quotes (inside "…" write \" for a quote; inside '…' write '')
yaml-quote-not-closed = a quote that opens a value here is not closed
yaml-quote-not-closed-hint = close the quote at the end of the value, with the same kind of quote that opens it
yaml-bad-escape = a backslash `\` in this double-quoted value starts an escape that does not exist
yaml-bad-escape-hint = write \\ for a backslash, or put the value in single quotes ('…'), where `\` is an ordinary character
yaml-brackets = a `[` or `{"{"}` is not closed here, or a `]` or `{"}"}` has nothing to close
yaml-brackets-hint = a list is written [a, b] with commas between its items, and closed with `]`; or write one item per line, each after `- `
yaml-indentation = this line is not indented like the lines around it
yaml-indentation-hint = keys of one group start in the same column; what belongs to a key (its list items `- `, its keys) is indented two spaces more than the key
yaml-colon-misplaced = a `:` is where YAML does not expect one
yaml-colon-misplaced-hint = write a key, then `: ` (a colon and a space), then the value; a value that contains `: ` must be put in quotes
yaml-document-marker = a line `---` or `...` is inside the file, or the file starts in a way YAML does not read
yaml-document-marker-hint = keep one block of keys: remove the extra `---` or `...` line (front matter ends at its second `---`)
yaml-too-deep = this file nests or repeats values too deeply to be read
yaml-too-deep-hint = write the values out plainly, without `&name` and `*name` and with fewer levels of indentation
yaml-comment = a `#` comment touches the text before it
yaml-comment-hint = put a space before `#`, or put the value in quotes if `#` is part of it
yaml-reserved-start = this value starts with a character YAML reserves
yaml-syntax-hint = a value that contains `: ` or starts with a special character ([ {"{"} " ' # & * ! | > % @) must be put in quotes

## What a key takes, after "must be"

takes-text = a text
takes-text-per-lang = a text, or one per language: {"{"}vi: …, en: …{"}"}
takes-true-false = `true` or `false`
takes-search = `true`, `false`, or its settings, one per line: `enabled:` (true or false) and `synonyms:` (a list of groups, such as `[[parent, carer]]`)
takes-synonyms = a list of groups, each a list of words or phrases a reader may search for in place of one another: `[[phụ huynh, cha mẹ], [tờ rơi, ấn phẩm]]`
takes-whole-number = a whole number, such as `10`
takes-days = a number of days, such as `30`
takes-date = a date written year-month-day, such as `2027-05-20`
takes-bound = a date (`2027-05-20`) or a day counted from the campaign: `start`, `end`, `start-14d`, `end+7d`
takes-audience = one or more groups: { $groups }, such as `audience: [cha-me, tre-em]`
takes-school-level = one or more school levels: { $levels }, such as `school_level: [thcs, thpt]`
takes-leaflet = `a4`, `a5`, `trifold`, or a list such as `[a4, trifold]`
takes-variants = `localities`
takes-picture = the name of a picture file beside the page, such as `anh.jpg`
takes-slug = a name for the address, in lowercase letters a-z, digits and hyphens
takes-when = a date written day/month such as `1/6 - 30/6`, or a list of them
takes-years = a year (`2027`) or years (`2020-2030`, `2027-`)
takes-timezone = a timezone such as `Asia/Ho_Chi_Minh`
takes-campaigns = a list of campaigns, each starting with a line `- id: …`
takes-id = a short name in lowercase letters a-z, digits and hyphens, such as `thang-hanh-dong`
takes-color = a colour in quotes, such as `"#c2410c"`
takes-languages = a list of language codes, the default first, such as `[vi, en]`
takes-url = a web address, such as `https://baovetreem.hanoi.example/`
takes-page-path = the path of a page under content/, such as `pages/an-toan-khi-truy-cap.md`
takes-theme = the name of a theme: `default` or a folder under themes/
takes-organisation = `name` and `url` on the lines below it, indented
takes-hotlines = a list of hotlines, each starting with a line `- number: …`
takes-phone = a phone number as people write it, such as `024.3525.662`
takes-cms = the browser editor's settings on the lines below it, indented (`name`, `backend`, `repo`…)
takes-widths = a list of widths in pixels, such as `[480, 960, 1440]`

## Dates in calendar.yaml (`when:`)

when-forms = write one of: 30/7 · 1/6 - 30/6 · 20/12 - 10/1 · tháng 6 · 15/8 âm lịch · 1/3/2027 - 8/3/2027
month-name =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $month }
    }
when-not-a-date = `{ $date }` is not a date
when-empty = `when` is empty
when-not-a-month = `{ $month }` is not a month
when-not-a-month-hint = write the month as a number: tháng 6
when-no-such-month = there is no month { $month }
when-months-hint = months go from 1 to 12
when-one-dash = a range has one dash
when-one-dash-hint = write a range as 1/6 - 30/6; put several ranges in a YAML list
when-leap-not-lunar = `nhuận` (a leap month) only exists in the lunar calendar
when-leap-not-lunar-hint = add âm lịch: 1/6/2025 nhuận âm lịch
when-leap-yearly = a leap month does not come back every year
when-leap-yearly-hint = write the year of a leap-month date: 1/6/2025 nhuận âm lịch
when-end-needs-year = the end of a one-off range needs its year too
when-write = write { $date }
when-backwards = this range ends before it starts
when-backwards-hint = put the earlier date first
when-date-missing = a date is missing here
when-year-digits = `{ $date }`: write the year with four digits
when-year-digits-hint = for example 1/3/2027
when-no-such-day = { $date } is not a date ({ $why })
when-no-month = there is no month { $month }
when-day-first-hint = write the day first, then the month: 30/7
when-month-max = { $month } has { $max } days at most
when-month-has = { $month } has { $max } days
when-not-leap = { $year } is not a leap year
when-out-of-range = { $date } is out of range
when-lunar-max = a lunar month has 30 days at most
when-lunar-no-leap = the lunar year { $year } has no leap month { $month }
when-lunar-outside = { $year } is outside the lunar calendar loa knows
when-lunar-29 = lunar month { $month } of { $year } has 29 days

## Names and addresses

reserved-language = `{ $name }` is the code of one of the site's languages, whose pages live under /{ $name }/
reserved-name = `{ $name }` is a name loa gives its own output
url-not-absolute = `{ $url }` is not an absolute URL ({ $detail })
url-scheme = `{ $url }` is a `{ $scheme }:` URL; only https:, http:, mailto: and tel: are allowed
url-no-host = `{ $url }` has no host

## calendar.yaml

cal-not-timezone = `{ $value }` is not a timezone
cal-timezone-hint = use an IANA name such as Asia/Ho_Chi_Minh
cal-bad-id = `{ $id }` is not a valid campaign id
cal-bad-id-hint = use lowercase letters a-z, digits and hyphens, e.g. `{ $suggestion }`; the id is also the campaign's folder and URL
cal-id-taken = the campaign id `{ $id }` cannot be used: { $why }
cal-id-taken-hint = choose another id (it is also the campaign's folder and URL), e.g. `{ $suggestion }`
cal-id-twice = campaign `{ $id }` is defined twice
cal-id-twice-hint = each campaign needs its own id
cal-title-language = `{ $lang }` is not one of the site's languages ({ $languages })
cal-title-language-hint = add the language to `languages` in site.yaml, or remove this title
cal-when-empty = `when` is an empty list
cal-when-empty-hint = give at least one date, e.g. 1/6 - 30/6
cal-years-hint = write a year (2027) or a range of years (2020-2030)
cal-not-a-year = `{ $value }` is not a year
cal-years-order = the years { $years } are in the wrong order
cal-days-range = `{ $key }` must be a number of days from 0 to 366, not { $value }
cal-not-colour = `{ $value }` is not a colour
cal-colour-hint = write a hex colour in quotes, e.g. "#c2410c"

## Front matter: the lines between --- at the top of a page

fm-none = the page has no front matter
fm-none-hint = start the file with a line ---, then title: …, then a line ---
fm-unclosed-hint = end the front matter with a line --- of its own, after its last key
fm-title-empty = the title is empty
fm-title-empty-hint = write the page's title after `title:`
fm-not-a-date = `{ $value }` is not a date
fm-date-hint = write the date as YYYY-MM-DD, e.g. 2027-05-20
fm-date-did-you-mean = write the date year-month-day: { $date }
fm-bound-neither = `{ $value }` is neither a date nor an offset
fm-bound-form = `{ $value }`: an offset is start or end, then + or -, then a number of days
fm-bound-too-far = `{ $value }`: an offset is at most { $max } days
fm-bound-days = `{ $value }`: `{ $days }` is not a number of days
fm-bound-hint = write a date (2027-05-20) or an offset from the campaign: start, end, start-14d, end+7d
fm-bound-no-campaign = `{ $key }: { $value }` is relative to a campaign, but this page belongs to none
fm-bound-no-campaign-hint = use a date such as 2027-05-20, or move the page into a campaign's folder
fm-expires-first = the page expires ({ $expire }) before it is published ({ $publish })
fm-expires-first-hint = `expire` is the first day the page is gone; make it later than `publish`
fm-not-leaflet = `{ $value }` is not a leaflet format
fm-leaflet-hint = use a4, a5, trifold, booklet, poster-a3 or poster-a2, or a list such as [a4, booklet]
fm-not-variants = `{ $value }` is not a kind of leaflet variants
fm-variants-hint = write `variants: localities` for one leaflet per entry of localities.yaml, or remove the key
fm-not-audience-name = `{ $value }` is not an audience name
fm-audience-name-hint = use short names in lowercase letters and hyphens: { $groups }
fm-bad-slug = `{ $value }` is not a page name for a URL
fm-slug-hint = use lowercase letters a-z, digits and hyphens, e.g. `{ $suggestion }`
fm-not-school-level = `{ $value }` is not a school level
fm-school-level-hint = use { $levels } (mầm non, tiểu học, trung học cơ sở, trung học phổ thông), or a list such as [thcs, thpt]

## site.yaml

site-not-url = `{ $value }` is not an absolute URL
site-base-url-hint = write the address the site is published at, e.g. https://example.org/
site-base-url-credentials = `base_url` holds a user name or password (the part before `@`): it would be published in every page, feed and sitemap
site-base-url-credentials-hint = write the address without it: { $fixed } (a password never belongs in site.yaml)
site-base-path-not-text = the path of `{ $value }` does not decode to text: it holds a control character or bytes that are not UTF-8
site-base-path-hint = write the path in letters, digits and hyphens, e.g. https://example.org/tin-tuc/
site-languages-empty = `languages` is empty
site-languages-empty-hint = list at least one language code, the default first: [vi, en]
site-not-language = `{ $value }` is not a language code
site-language-hint = use two-letter ISO 639-1 codes such as vi or en
site-language-twice = `{ $value }` is listed twice
site-language-twice-hint = list each language once
site-text-language = a text is given in `{ $lang }`, which is not in `languages`
site-text-language-hint = add the language to `languages` or remove the text
site-not-theme = `{ $value }` is not a theme name
site-theme-hint = a theme is a folder name under themes/, e.g. default
site-not-phone = `{ $value }` is not a telephone number
site-phone-hint = write digits, with spaces, dots or hyphens between groups if you like: 024.3525.662
site-organisation-url-hint = write the organisation's website as https://…, or a mailto: or tel: address
site-quick-exit-hint = write the address of a neutral page on another site, one that says nothing about this one, e.g. a weather page: https://vnexpress.net/thoi-tiet
site-quick-exit-not-web = `{ $url }` is not a web page: the quick exit must open a page, at an https:// address
site-quick-exit-same-site = `{ $url }` is on this site itself: the quick exit must take the reader away from it
site-no-safety-page = `{ $value }` is not a page of content/
site-safety-page-hint = write the path of the Markdown page under content/, in the default language, e.g. pages/an-toan-khi-truy-cap.md

## The browser editor (cms: in site.yaml)

takes-one-of = one of: { $choices }
takes-repo = the site's repository, written owner/name
takes-branch = a branch name, such as `main`
takes-https = an https:// address
cms-not-one-of = cms { $key }: `{ $value }` is not one of { $choices }
cms-write-one-of = write one of: { $choices }
cms-not-repo = `{ $value }` is not a repository name
cms-repo-hint = write the owner and the name of the site's repository: owner/name
cms-short-no-repo = `cms: { $name }` chooses the editor; it still needs `repo:`, the repository the editor saves into
cms-short-no-repo-hint = write `cms:` as a block, its lines indented below it: `name: { $name }`, then `repo: owner/name` (the site's repository on GitHub, GitLab or Gitea); or on one line: cms: {"{"}name: { $name }, repo: owner/name{"}"}
cms-no-repo = `cms` needs `repo`: the repository the editor saves into
cms-no-repo-hint = add `repo: owner/name` (the site's repository on GitHub, GitLab or Gitea) under `cms:`
cms-not-branch = `{ $value }` is not a branch name
cms-branch-hint = write the branch the site is published from, e.g. main
cms-branch-rules-hint = git does not accept this name: a branch has no spaces, no control characters, none of ~ ^ : ? * [ \, no `..` or `@{"{"}`, does not start with - or /, and does not end with /, . or .lock; e.g. main
cms-not-https = `{ $value }` is not an https:// address
cms-https-hint = write `{ $key }` as the server's address, e.g. https://git.example.org
cms-gitea-host = `backend: gitea` needs `host`: the Gitea server's address
cms-gitea-host-hint = add `host: https://git.example.org` under `cms:`

## localities.yaml

loc-bad-id = `{ $id }` is not a locality id
loc-bad-id-hint = use lowercase letters a-z, digits and hyphens, e.g. { $suggestion }
loc-id-twice = the id `{ $id }` is used twice
loc-id-twice-hint = give every locality its own id: it becomes the PDF's file name

## Reading files

file-cannot-read = cannot read: { $detail }
file-cannot-read-named = cannot read { $file }: { $detail }
file-not-utf8 = this file is not UTF-8 text
file-not-utf8-hint = save the file as UTF-8 in your editor (in Notepad: Save as… → Encoding: UTF-8)
file-cannot-create = cannot create: { $detail }
file-cannot-write = cannot write: { $detail }
folder-permissions-hint = check the folder's permissions

## Themes

theme-cannot-read = cannot read the theme: { $detail }
theme-missing = the theme `{ $name }` does not exist: there is no folder themes/{ $name }/
theme-missing-hint = use `theme: default`, or create the folder
theme-widths = `widths` must list one or more widths from { $low } to { $high } pixels
theme-widths-hint = for example: widths: [480, 960, 1440]
theme-sizes = `sizes` is an HTML `sizes` value: media conditions and lengths, without quotes or < > &
theme-sizes-hint = for example: sizes: "(min-width: 48rem) 44rem, 100vw"
theme-strings-missing =
    the strings for `{ $lang }` lack { $count ->
        [one] a key loa uses
       *[other] keys loa uses
    }: { $keys }
theme-strings-missing-hint = copy them from loa's default theme (themes/default/i18n/{ $lang }.yaml, or en.yaml) and translate them
theme-no-strings = the theme has no strings for `{ $lang }`
theme-no-strings-hint = add themes/{ $name }/i18n/{ $lang }.yaml; until then the default language's strings are used

## The site folder and content/

site-missing-hint = run loa in the site's folder or pass --root DIR; `loa init DIR` makes a new site
calendar-missing-hint = every site needs a calendar.yaml beside site.yaml; `loa init` makes one
root-hint = run loa in the site's folder or pass --root DIR
content-no-folder = there is no content/ folder
content-no-folder-hint = create content/_index.md for the hub; `loa init` makes a working site
content-cannot-read = cannot read the content folder: { $detail }
static-cannot-read = cannot read the static folder: { $detail }
content-symlink = this is a link to another file or folder; loa does not follow links, so it is left out
content-symlink-hint = copy the file or folder itself into { $folder }
content-folder-like-page = this is a folder named like a page; it is not a page
content-folder-like-page-hint = a page is a file: rename the folder, or move the page out of it
content-not-a-file = this is neither a file nor a folder; it is left out
content-folder-not-campaign = the folder `{ $folder }` is not a campaign in calendar.yaml
content-folder-did-you-mean = did you mean `{ $id }`? The folders under content/ are `pages` and the campaign ids
content-folder-hint = add the campaign to calendar.yaml, or rename the folder to one of: { $ids }
content-spaced-target = `{ $target }` holds spaces: loa reads it as the file it names, but other Markdown tools show it as plain text
content-spaced-target-hint = write the name between < and >, as CommonMark wants: (<{ $target }>)
content-empty-translation = this translation is empty, so the page has no `{ $lang }` version
content-empty-translation-hint = write the translation (title, then the text), or delete the file
content-same-page = { $first } and { $second } are the same page in `{ $lang }`
content-same-page-hint = keep one of the two files: x.md and x.{ $lang }.md both name the default language's version
content-file-language = `{ $lang }` in the file name is not one of the site's languages ({ $languages })
content-file-language-hint = name translations x.en.md, with a code from `languages` in site.yaml
content-pages-index = content/pages/ has no _index.md: site-wide pages are listed on the hub
content-pages-index-hint = move the text to content/_index.md
content-page-at-top = pages go in content/pages/ or in a campaign's folder
content-page-at-top-hint = move it to content/pages/{ $file }
content-page-too-deep = pages go at most one folder deep under content/
content-page-too-deep-hint = move it to content/pages/ or to the campaign's folder
content-no-slug = `{ $name }` gives no name for the page's URL: it has no letter or digit
content-no-slug-hint = add `slug: ten-trang` to the front matter, or rename the file
translation-not-draft = this translation says `draft: false`, but its original { $original } is a draft
translation-draft-hint = a translation is published only with its original: remove `draft` here (it then follows { $original }), or publish { $original } first
translation-publish-earlier = this translation is published from `{ $value }`, before its original { $original } (`{ $original_value }`)
translation-expire-later = this translation stays published until `{ $value }`, after its original { $original } has gone (`{ $original_value }`)
translation-window-hint = a translation is never published before or after its original: remove `{ $key }` here (it then follows { $original }), or change it in { $original }

## Fonts and pictures

font-unreadable = this file is not a font loa can read
font-unreadable-hint = use TrueType (.ttf) or OpenType (.otf) font files
font-none = the theme has no fonts for the leaflets
font-none-hint = put .ttf or .otf files in the theme's fonts/ folder, e.g. Noto Sans
typeset-absent = this site asks for something typeset (a leaflet, the print box, a share card, a bulletin's script sheet or the yearly report), and this copy of loa was built without typesetting
typeset-absent-hint = use a loa built with its default features (the `typeset` feature), such as the released one or `cargo install loa`
image-cannot-read = cannot read it: { $detail }
image-unknown-format = it is not an image loa can read (PNG, JPEG, GIF, WebP or TIFF)
image-unreadable = it is not a readable image ({ $detail })
image-too-large = it has { $width } × { $height } pixels, more than the { $max } megapixels loa accepts
image-cut-short = it is damaged or cut short (the JPEG data stops before its end)

## loa check: what is checked whatever the day

check-unlinked-file = no page links this file, so it is not published
check-unlinked-file-hint = link it from a page (it is published while that page is), or move it to static/ to publish it always
check-picture-bad = the picture `{ $picture }` cannot be published: { $why }
check-picture-bad-hint = open it in an image editor and save it again as PNG or JPEG, or link another picture
check-image-no-alt = the image `{ $picture }` has no text alternative: readers who cannot see it learn nothing from it
check-image-no-alt-hint = say what it shows between the brackets: ![Hai em nhỏ gọi 111](anh.jpg)
check-image-alt-missing = `image` needs `image_alt`: the text that says what the picture shows
check-image-alt-missing-hint = add a line image_alt: Hai em nhỏ gọi đường dây nóng 111
check-not-a-picture = `{ $picture }` is not a picture
check-not-a-picture-hint = give a PNG, JPEG, GIF, WebP or SVG file beside the page
check-picture-remote = the picture `{ $picture }` is on another host
check-picture-remote-hint = copy the picture beside the page and give its file name: nothing is loaded from other hosts
check-picture-missing-hint = put the picture beside the page and give its file name: image: anh-truong-hoc.jpg
check-remote-html = this HTML loads from another host: { $found }
check-remote-html-hint = copy the file beside the page and link it by its file name: nothing is loaded from other hosts
check-file-name-taken = this file would be published as `{ $output }`: { $why }
check-rename-file = rename the file
check-page-is-campaign = the page `{ $slug }` has the same URL as the campaign `{ $slug }`
check-page-is-language = the page `{ $slug }` has the same URL as the `{ $slug }` language's hub
check-page-reserved = `{ $slug }` is a name loa uses for its own output
check-same-slug = this page and { $other } both get the URL name `{ $slug }`
check-same-slug-hint = rename one of the files, or give one of them its own `slug:` in its front matter
check-unknown-audience = `{ $audience }` is not one of the audiences: { $groups }
check-audience-did-you-mean = did you mean `{ $audience }`? A new audience needs its label in the theme's i18n files: { $label }
check-audience-hint = a new audience needs its label in the theme's i18n files: { $label }
check-home-window = a hub or campaign home is always published; it takes no `publish` or `expire`
check-home-window-hint = set publish/expire on the campaign's pages instead
check-cms-script-missing = { $script } is missing, so the browser editor (/admin/) is not published
check-cms-script-missing-hint = run `loa cms install` once: it fetches { $package }@{ $version } and puts its script into { $folder }/ (commit it with the site); or write `script: cdn` under `cms:`
check-decap-plain-names = Decap CMS opens this page and { $others } other(s) named x.md as empty forms
check-decap-plain-names-hint = rename them x.{ $lang }.md, as Decap names the pages it creates (see the README, "The browser editor"); or use `name: sveltia` under `cms:`
check-campaign-never = the campaign `{ $id }` never happens
check-campaign-never-hint = check its `when` and `years`
check-variants-alone = `variants` has no effect without `leaflet`
check-variants-alone-hint = add `leaflet: a5` (or a4, trifold), or remove `variants`
check-no-localities = `variants: localities` needs a localities.yaml, and the site has none
check-no-localities-hint = create localities.yaml beside site.yaml (see the README, "Leaflets for schools"), or remove `variants`
check-leaflet-of-home = leaflets are made of campaign pages and site-wide pages, not of hubs
check-leaflet-of-home-hint = move the text for the leaflet into a page of its own
check-no-leaflet-template = the theme has no leaflet template for { $format }
check-no-leaflet-template-hint = copy it from loa's default theme, or remove the format from the pages' `leaflet`
check-nested-too-deep = lists or quotes are nested more than { $depth } deep here: in the leaflet, the deeper ones are printed one level up
check-nested-too-deep-hint = nest less deeply, or split the list
check-glyph-leaflet = the leaflet
check-glyph-print-box = the print box
check-glyph-missing = { $what } cannot show { $char }: the fonts ({ $families }) have no such character
check-glyph-missing-hint = remove or replace it (a picture or a word); or add a font that has it to themes/{ $theme }/fonts/

## Links between pages

link-empty = the link has no destination
link-url-path = `{ $dest }` is a URL path, which breaks when the site moves
link-outside = `{ $dest }` points outside content/
link-missing = `{ $dest }` does not exist (looked for { $looked })
link-not-a-file = `{ $dest }` is not a file; link the Markdown file itself: { $file }
link-missing-hint = link another page by its Markdown file, e.g. [Cách báo tin](../pages/cach-bao-tin.md)
link-anchor-did-you-mean = did you mean #{ $anchor }? Heading anchors are the heading's words without accents, joined by hyphens
link-anchor-hint = heading anchors are the heading's words without accents, joined by hyphens
link-no-heading = `{ $page }` has no heading #{ $anchor }
link-no-heading-here = this page has no heading #{ $anchor }
link-image-remote = the image `{ $url }` is on another host
link-image-remote-hint = copy the image beside the page and link it by its file name: nothing is loaded from other hosts
link-unsafe-scheme = the link `{ $dest }` uses a scheme that is never published; only its text is kept

## Writing the output folder

out-own-folder-hint = write the output to its own folder, e.g. --out dist
out-cannot-resolve-root = cannot resolve the site folder: { $detail }
out-cannot-resolve = cannot resolve the output folder: { $detail }
out-is-root = the output folder is the site folder itself
out-contains-root = the output folder contains the site folder
out-looks-like-site = the output folder contains a content/ folder: it looks like a site
out-inside-input = the output folder is inside the site's { $input }
out-is-file = the output path is a file, not a folder
out-not-loas = this folder is not empty and was not written by loa; it would be replaced
out-not-loas-hint = choose an empty or new folder, or delete this one yourself
out-no-parent = the output folder has no parent
out-mount-point = the output folder is a mount point, so loa writes its files in place: each file atomically, but a build stopped midway leaves a mix of old and new files
out-mount-point-hint = to have the output swapped whole, make it a folder inside the mounted file system: --out /mount/dist
out-locked = another build is writing to this output folder
out-locked-hint = wait until it ends and build again, or run without --no-wait to wait for it
out-waiting = Another build is writing to { $folder }; waiting for it to end…
out-cannot-remove-left = cannot remove this folder a stopped build left: { $detail }
out-cannot-remove-left-hint = remove it yourself
write-cannot = cannot { $action }: { $detail }
write-cannot-hint = check the folder's permissions and free disk space
write-act-write = write
write-act-resolve-out = resolve the output folder
write-act-create-folder = create the folder
write-act-create-work = create loa's working folder
write-act-read = read
write-act-remove = remove
write-act-move-in = move the new output into place
write-act-exchange = exchange the new output with the old
write-act-move-aside = move the previous output aside
write-act-keep-previous = keep the previous output
write-act-open-lock = open the lock
write-act-lock = lock the output folder

## Publishing pictures and share cards

picture-bad-hint = open it in an image editor and save it again as PNG or JPEG (or as plain SVG), or link another picture
image-damaged = it is damaged or cut short ({ $detail })
image-cannot-encode = cannot write it as { $format }: { $detail }
image-refused-format = it is a { $format } picture, which loa cannot read, so cannot clean of the metadata it carries (where it was taken, the camera): open it and save it as JPEG (a photo) or PNG (a drawing), then link that file instead
image-too-much-memory = decoding it would take more than { $max } MiB of memory, the most loa gives one picture
assets-overwrite = this file would overwrite the generated { $output }
svg-at-byte = { $why } (at byte { $offset })
svg-not-utf8 = it is not UTF-8 text
svg-not-xml = it is not well-formed XML: { $detail }
svg-first-element = it is not an SVG picture (its first element is <{ $name }>, not <svg>)
svg-no-svg = it is not an SVG picture (it has no <svg> element)
svg-unclosed = it ends before its elements are closed
svg-attribute = an attribute cannot be read: { $detail }
svg-attribute-value = the value of `{ $key }` cannot be read: { $detail }
svg-write = cannot write it again: { $detail }
svg-text = its text cannot be read: { $detail }
card-no-page = the share card template makes no page
card-no-template = the theme has no share card template
card-no-template-hint = copy themes/default/leaflets/{ $template } from loa's default theme, or set `share_cards: false` in site.yaml
card-from-picture = the share card cannot be made from this picture: { $why }
threads-cannot-start = cannot start threads: { $detail }
typst-no-fonts = the theme's fonts were not loaded before typesetting
typst-bad-template-name = not a valid template name

## Documents published as downloads (PDFs, office documents)

document-bad = the document `{ $file }` cannot be published: { $why }
document-pdf-unreadable = the PDF cannot be read: { $detail }
document-pdf-hint = open it and export (or print) it again as PDF, then link that file
document-pdf-encrypted = the PDF is encrypted (protected by a password), so loa cannot remove its author and other hidden data
document-pdf-encrypted-hint = open it and save a copy without password protection (or print it again as PDF), then link that copy
document-pdf-picture-damaged = a JPEG picture in it is damaged (at byte { $offset } of the picture)
document-zip-unreadable = it cannot be read as an office document: { $detail }
document-too-large = it unpacks to more than { $max } MB
document-office-hint = open it in Word, Excel, PowerPoint or LibreOffice and save it again, or save it as PDF
document-part-damaged = the picture `{ $part }` inside it is damaged (at byte { $offset })
document-part-xml = the part `{ $part }` inside it is not well-formed XML: { $detail }
document-legacy-office = it is an old binary Office file (.doc, .xls or .ppt) or a password-protected one, whose author and editing history loa cannot remove
document-rtf = it is an RTF document, whose author and editing data loa cannot remove
document-convert-hint = open it and save it as PDF, or as .docx, .xlsx or .pptx, then link that file instead

## Leaflets, the print box and templates

leaflet-failed = typesetting the { $format } leaflet failed unexpectedly
leaflet-failed-hint = this is a bug in loa or Typst; please report it with the page
leaflet-while-making = while making the { $format } leaflet of { $page }
leaflet-trifold-too-long = the page is too long for a tri-fold leaflet: it needs { $sides } sides instead of 2, even with smaller text
leaflet-trifold-too-long-hint = shorten the page, or use `leaflet: { $format }` for it, which fits it
leaflet-trifold-short = the page is too short for a tri-fold leaflet: a panel of its inside is only { $percent } % filled, the rest blank paper
leaflet-trifold-short-hint = use `leaflet: a5` for it, which fits it; or write more for the tri-fold
leaflet-poster-too-long = the page is too long for a poster: `{ $format }` needs { $pages } pages instead of 1
leaflet-poster-too-long-hint = a poster shows the title, the picture and the summary (or the first paragraph): shorten the summary, or use `leaflet: a4` for the whole text
leaflet-not-ua = the { $format } leaflet is not PDF/UA-1 conformant, so it was made as a plain tagged PDF: { $why }
leaflet-not-ua-hint = give every image a text alternative: ![what it shows](picture.png)
leaflet-nothing-typeset = nothing was typeset
leaflet-picture-unreadable = cannot read the published picture { $picture }
# Typst's own words, in English.
typst-error = { $detail }
typst-docs-hint = see the Typst documentation: https://typst.app/docs/ ; the README lists the data a leaflet template gets
typst-hints = { $hints }
print-no-page = the print box template made no page
print-failed = typesetting the print box failed unexpectedly
bug-hint-typst = this is a bug in loa or Typst; please report it
bug-hint = this is a bug in loa; please report it
bundle-failed = cannot make the bundle: { $detail }
tera-no-template = the theme has no template { $name }
# Tera's own words, in English.
tera-error = { $detail }
tera-syntax-hint = see the Tera 2 template syntax: https://keats.github.io/tera/
tera-missing-parent = extends "{ $parent }", which does not exist
tera-missing-parent-hint = check the name in {"{"}% extends %{"}"}
tera-not-found = the template { $name } does not exist
tera-unknown-filter = there is no filter `{ $name }`
tera-unknown-test = there is no test `{ $name }`
tera-unknown-function = there is no function `{ $name }`
tera-unknown-hint = check the spelling: a template may use Tera's own filters, tests and functions, listed at https://keats.github.io/tera/
tera-block-no-parent = the block `{ $name }` is in none of the templates this one extends
tera-block-no-parent-hint = use a block name from the template named in {"{"}% extends %{"}"}, or remove the block
output-collision = two outputs would be written to `{ $path }`; only one can be
output-collision-hint = a page, campaign or file has a name that loa also gives to a generated file: rename it

## loa serve: the live preview

serve-error-title = Error — loa
serve-error-heading = The site was not rebuilt: a source file has an error
serve-error-text = Fix the error below and save the file; the page reloads by itself.
serve-built = Built the preview in { $ms } ms.
serve-cannot-start = cannot start the server: { $detail }
serve-ports-taken = ports { $first } to { $last } are all taken
serve-ports-taken-hint = choose another with --port
serve-today = today
serve-day = on { $date }
serve-serving = Serving { $url } — the site as { $day }. Preview files: { $folder }
serve-serving-drafts = Serving { $url } — the site as { $day }, drafts shown. Preview files: { $folder }
serve-stop = Press Ctrl-C to stop.
serve-wrong-host = 421: loa serve answers only this computer: open http://localhost:PORT/ or http://127.0.0.1:PORT/ (the port it printed).
serve-cannot-watch = cannot watch the site's files: { $detail }
serve-fixed = Fixed.
serve-rebuilt-pages =
    { $count ->
        [one] Rebuilt in { $ms } ms (changed pages only, 1 file changed).
       *[other] Rebuilt in { $ms } ms (changed pages only, { $count } files changed).
    }
serve-rebuilt-site =
    { $count ->
        [one] Rebuilt in { $ms } ms (whole site, 1 file changed).
       *[other] Rebuilt in { $ms } ms (whole site, { $count } files changed).
    }
serve-not-loaded = the site is not loaded

## Creating sites and pages

init-not-empty = this folder is not empty
init-not-empty-hint = give the name of a new folder: loa init my-site
deploy-file-exists = this file already exists
deploy-file-exists-hint = move it away first if you want loa to write it again
new-usage = write the new page as <campaign>/<page>, e.g. thang-hanh-dong-vi-tre-em/hoat-dong
new-usage-hint = use `pages/<page>` for a site-wide page
new-no-slug-hint = name the page with words, e.g. pages/Cách báo tin
new-campaigns-are = campaigns are: { $ids }; or use pages/
new-no-campaign = there is no campaign `{ $id }`
new-exists = this page already exists
new-exists-hint = open it in your editor, or choose another name

## loa schedule

schedule-title = Schedule from { $from } to { $to } ({ $timezone })
schedule-campaign = campaign
schedule-start = start
schedule-end = end
schedule-upcoming = upcoming
schedule-recent-until = recent until
schedule-state-on = state on { $date }
state-name =
    { $state ->
        [active] active
        [upcoming] upcoming
        [recent] recent
       *[dormant] dormant
    }
schedule-rebuild-on = Rebuild on these days (the output changes; a run of days is a countdown):
schedule-none = none in this range
schedule-every-day = { $from } … { $to } (every day)
schedule-or-daily = Or simply rebuild every day at 00:05 { $timezone }; crontab lines:
schedule-to-before-from = --to { $to } is before --from { $from }

## The command line

cli-not-a-date = `{ $value }` is not a date; write it as YYYY-MM-DD, e.g. 2027-06-10
cli-built =
    Built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }, { $changed ->
        [0] none changed
       *[other] { $changed } changed
    }) as of { $date } into { $out }
cli-leaflets = Leaflets: { $count } PDFs, { $typeset } typeset, { $reused } unchanged (reused from the previous output).
cli-pictures = Pictures: { $encoded } files encoded, { $reused } pictures and cards unchanged (reused from the previous output).
cli-bundles = Bundles: { $count } ZIP files, { $made } made, { $reused } unchanged (reused from the previous output).
cli-next-change = The site changes next on { $date }: rebuild on that day (see `loa schedule`).
cli-no-change = Nothing changes in the next three years.
cli-check-ok = No errors in { $all } pages (drafts and pages outside their publication window included). On { $date }, { $live } of them are live (drafts counted).
cli-cms-installed = Installed { $package } { $version } from { $source } (its sha512 is the pinned release's). Commit static/admin/ with the site; the next build publishes the editor at /admin/.
cli-cms-installed-unchecked = Installed from { $source }, which was not checked against loa's pinned release (sha512 { $sha512 }). Commit static/admin/ with the site; the next build publishes the editor at /admin/.
cms-install-no-cms = site.yaml has no `cms:`, so there is no editor to install
cms-install-no-cms-hint = add `cms:` with the editor's name and the site's repository first, e.g. cms: {"{"}name: decap, repo: owner/name{"}"} (the README, "The browser editor")
cms-install-cannot-download = could not download the editor's package: { $detail }
cms-install-cannot-download-hint = check the connection (a proxy or firewall may block registry.npmjs.org); on a machine that can reach it run `npm pack` for the package and then `loa cms install --from` the .tgz file; or write `script: cdn` under `cms:`
cms-install-wrong-sha = this is not the package of { $package } { $version } that loa is pinned to: its sha512 differs
cms-install-wrong-sha-hint = nothing was written; the download was changed on the way or the mirror serves another file. Try again, or use npm's registry
cms-install-not-package = this is not an npm package loa can read: { $why }
cms-install-not-package-hint = give the .tgz file that `npm pack { $package }@{ $version }` writes
cms-install-no-script = the package has no dist/{ $script }
cli-created = Created { $file }
cli-init-next = Next: cd { $dir } && loa build
cli-deploy-notes = Each file says at its top what to set up once on the host (see also the README, "Publishing every day").
cli-deploy-loa-git = Set LOA_GIT in it to the address of loa's source repository (it installs loa { $tag } from there).
cli-progress-leaflets = Leaflets

## Bulletins for commune radio (broadcast:)
takes-broadcast = the bulletin's air times: `times:` (a list of times such as ["06:00", "17:30"]), and optionally `days:` and `title:`
takes-air-times = a list of air times on the 24-hour clock, such as ["06:00", "17:30"]
takes-air-days = a list of weekdays: { $days }
takes-broadcast-settings = settings of bulletins read aloud: `max_minutes:` (the longest a bulletin may take) and `abbreviations:` (abbreviations and what is said for them, per language)
takes-leaflet-settings = settings of printed leaflets: `print_shop: true` also writes, for every leaflet, a copy for print shops (3 mm bleed, crop marks, CMYK colours)
takes-max-minutes = a whole number of minutes, such as 5
takes-abbreviations = abbreviations and what is said for them, per language, one a line: en: and below it DOLISA: the Department of Labour
fm-broadcast-time = `{ $value }` is not an air time
fm-broadcast-time-hint = write the time on the 24-hour clock, hours and minutes separated by a colon, in quotes: "06:00", "17:30"
fm-broadcast-no-times = the bulletin has no air time
fm-broadcast-day = `{ $value }` is not a weekday
fm-broadcast-day-hint = use { $days }; without `days:` the bulletin is aired every day the page is live
site-broadcast-max-minutes = a bulletin cannot last 0 minutes
site-broadcast-max-minutes-hint = write the longest a bulletin may take in minutes, such as `max_minutes: 5`, or remove the key (default 5 minutes)
check-broadcast-too-long = this bulletin takes about { $minutes } min { $seconds } s to read, over the { $limit } minutes allowed
check-broadcast-too-long-hint = shorten it, split it into two bulletins, or raise the limit in site.yaml, under `broadcast:`, key `max_minutes:`
check-broadcast-abbreviation = read aloud, the abbreviation `{ $value }` will be spelt out letter by letter
check-broadcast-abbreviation-hint = write it in full, or add what is said for it in site.yaml, under `broadcast:`, key `abbreviations:`
check-broadcast-emoji = the symbol `{ $value }` cannot be read aloud; the bulletin leaves it out
check-broadcast-emoji-hint = if it means something, write that in words
check-broadcast-table = a table cannot be read aloud; the bulletin leaves it out
check-broadcast-table-hint = write what should be read as sentences or a list
check-broadcast-code = a code block cannot be read aloud; the bulletin leaves it out
check-broadcast-code-hint = write what should be read as sentences
check-broadcast-html = raw HTML cannot be read aloud; the bulletin leaves it out
check-broadcast-html-hint = write what should be read in Markdown

## loa report
report-bad-year = Cannot make a report for the year { $year }
report-bad-year-hint = Write the year with four digits, from 2000 to 2100, e.g. --year 2027
report-log-unreadable = Cannot open the access log: { $detail }
report-log-unreadable-hint = Check the path after --access-log (the web server's log, e.g. /var/log/nginx/access.log or access.log.2.gz)
report-log-twice = This log is already in the list: it is read once
report-log-cut = The log stops short; it was read up to this line: { $detail }
report-log-cut-hint = The lines before it are counted; if it is a .gz file, copy it again in full from the server
report-write-failed = Cannot write the report: { $detail }
report-head = Report for { $year }
report-published = Published: { $campaigns } campaigns ({ $occurrences } occurrences in the year), { $pages } pages, { $leaflets } leaflet files
report-bulletins = Loudspeaker bulletins: { $bulletins } bulletins, { $slots } scheduled air slots
report-no-logs = No access log given: add --access-log FILE to count reads, downloads and embeds
report-read = Readers: { $views } page views, { $downloads } leaflet downloads, { $embeds } widget loads, { $search } search page loads
report-set-aside = Of { $lines } log lines, not counted: { $crawlers } by crawlers (bots), { $notget } not GET (HEAD…), { $status } errors or redirects, { $year } outside the year, { $unreadable } unreadable lines
report-unreadable-at = { $file }, line { $line }: unreadable
report-unreadable-more = … and { $count } more
report-written = Written to { $dir }: { $files }
