# Các thông báo của loa bằng tiếng Việt.
#
# Mỗi thông báo có cùng khóa (key) như trong en.ftl, với cùng các giá trị
# trong ngoặc nhọn ({ $file }, { $count }): dịch lời, giữ nguyên các giá trị.
# Những gì trong `dấu huyền` là chữ người dùng gõ trong tệp; giữ nguyên.
# `cargo test` kiểm tra rằng hai tệp có cùng khóa và cùng giá trị.
#
# Cách viết: lời lẽ giản dị, lịch sự, cho cán bộ truyền thông, không phải
# lập trình viên; đủ dấu; không dùng từ kỹ thuật (scalar, mapping…).

## Cách hiển thị một lỗi

diag-error = lỗi
diag-warning = cảnh báo
diag-note = ghi chú
diag-hint = gợi ý
# Vị trí của lỗi, bằng lời, dưới dòng được trích.
diag-at = dòng { $line }, cột { $column }
diag-by-file = Theo tệp:
diag-file-counts = { $file }: { $errors } lỗi, { $warnings } cảnh báo
diag-summary-errors = Có { $count } lỗi; chưa có tệp nào được ghi.

## Khi không đọc hoặc ghi được một tệp

io-not-found = không có tệp hoặc thư mục này
io-permission-denied = không có quyền truy cập
io-already-exists = đã có sẵn
io-storage-full = ổ đĩa đã đầy
io-read-only = ổ đĩa chỉ cho phép đọc, không ghi được
io-is-a-folder = đây là một thư mục, không phải một tệp
io-not-a-folder = một phần của đường dẫn là tệp, không phải thư mục
io-invalid-data = nội dung không đúng như mong đợi
io-other = hệ điều hành báo lỗi: { $detail }

## YAML: các tệp người dùng viết (site.yaml, calendar.yaml, phần đầu trang)

yaml-tab-indent = dòng này được thụt vào bằng phím Tab
yaml-tab-indent-hint = YAML chỉ thụt đầu dòng bằng dấu cách: hãy xóa ký tự Tab và gõ dấu cách thay vào
yaml-unknown-key = loa không biết mục `{ $key }`
yaml-did-you-mean = có phải bạn muốn viết `{ $key }`?
yaml-keys-here = các mục dùng được ở đây là: { $keys }
yaml-no-keys-here = ở đây không ghi được mục nào
yaml-missing-key = thiếu mục `{ $key }`
yaml-missing-key-hint = hãy thêm một dòng `{ $key }: …`; README liệt kê các mục tệp này cần có
yaml-missing-key-takes = hãy thêm một dòng `{ $key }: …`; giá trị của nó là { $takes }
yaml-duplicate-key = mục `{ $key }` được ghi hai lần
yaml-duplicate-key-hint = hãy giữ lại một dòng: giá trị ghi sau sẽ âm thầm thay cho giá trị ghi trước
yaml-no-space-after-colon = thiếu dấu cách sau dấu hai chấm của `{ $key }`
yaml-no-space-after-colon-hint = hãy gõ một dấu cách sau dấu hai chấm: { $fixed }
yaml-unclosed-quote = dấu ngoặc { $quote } mở đầu giá trị này chưa được đóng lại
yaml-unclosed-quote-hint = hãy kết thúc giá trị bằng đúng dấu ngoặc ấy: { $fixed }
yaml-unclosed-list = dấu `[` mở đầu danh sách này chưa được đóng lại
yaml-unclosed-list-hint = hãy kết thúc danh sách bằng dấu `]`: { $fixed }
yaml-unclosed-braces = dấu `{"{"}` mở đầu giá trị này chưa được đóng lại
yaml-unclosed-braces-hint = hãy kết thúc bằng dấu `{"}"}`, như {"{"}vi: Tiêu đề, en: Title{"}"}
yaml-colon-in-value = giá trị này có dấu hai chấm và dấu cách (`: `), nên YAML hiểu nhầm đó là chỗ bắt đầu một mục mới
yaml-colon-in-value-hint = hãy đặt cả giá trị trong dấu ngoặc kép: { $fixed }
yaml-indent = dòng `{ $key }:` thụt vào sâu hơn các mục ở trên
yaml-indent-hint = hãy cho `{ $key }:` bắt đầu ở cùng cột với các mục khác; nếu dòng này là phần tiếp theo của giá trị ở trên, hãy viết giá trị ấy trên một dòng
yaml-line-not-key = dòng này không có dạng `mục: giá trị`
yaml-line-not-key-hint = hãy viết tên mục, dấu hai chấm, một dấu cách rồi đến giá trị, ví dụ `date: 2027-05-20`
yaml-line-not-key-colon-hint = có phải bạn muốn viết `{ $fixed }`?
yaml-list-item-hint = mỗi dòng `- …` của một danh sách nằm dưới mục của nó, thụt vào như các dòng khác của danh sách
yaml-not-keys = tệp này không phải là các dòng `mục: giá trị`
yaml-wrong-value = `{ $key }` phải là { $takes }
yaml-wrong-value-unknown = `{ $key }` không nhận giá trị như thế này
yaml-empty-value = `{ $key }` chưa có giá trị
yaml-empty-value-takes = `{ $key }` chưa có giá trị: nó phải là { $takes }
yaml-number-not-date-hint = YAML hiểu `{ $value }` là một con số; hãy viết ngày thành { $fixed }
yaml-syntax = loa không đọc được dòng này của tệp
yaml-wrong-kind-here = giá trị ở đây không đúng loại mà chỗ này cần
yaml-wrong-kind-here-takes = giá trị ở đây không đúng loại mà chỗ này cần: chỗ này cần { $takes }
yaml-block-hint = hãy viết các thiết lập của `{ $key }` ở các dòng bên dưới, mỗi dòng thụt vào hai dấu cách, ví dụ `  name: …`
shape-block = các thiết lập ở các dòng bên dưới, mỗi dòng `mục: giá trị` và thụt vào
shape-list = một danh sách: `[a, b]`, hoặc các dòng bên dưới, mỗi dòng bắt đầu bằng `- `
shape-number = một số
yaml-after-quote = còn có chữ nằm sau dấu ngoặc đóng của giá trị này
yaml-after-quote-hint = giá trị trong ngoặc kết thúc ở dấu ngoặc đóng: hãy đặt cả giá trị vào trong ngoặc (trong "…" viết \" cho một dấu ngoặc kép; trong '…' viết '')
yaml-quote-not-closed = một dấu ngoặc mở đầu giá trị ở đây chưa được đóng
yaml-quote-not-closed-hint = hãy đóng ngoặc ở cuối giá trị, bằng đúng loại dấu ngoặc đã mở
yaml-bad-escape = dấu `\` trong giá trị đặt trong ngoặc kép này mở đầu một mã thoát không có thật
yaml-bad-escape-hint = hãy viết \\ cho một dấu `\`, hoặc đặt giá trị trong ngoặc đơn ('…'), ở đó `\` là ký tự bình thường
yaml-brackets = một dấu `[` hoặc `{"{"}` ở đây chưa được đóng, hoặc một dấu `]` hoặc `{"}"}` bị thừa
yaml-brackets-hint = danh sách được viết [a, b], có dấu phẩy giữa các mục và đóng bằng `]`; hoặc viết mỗi mục một dòng, sau `- `
yaml-indentation = dòng này không thụt lề giống các dòng xung quanh
yaml-indentation-hint = các khoá cùng một nhóm bắt đầu ở cùng một cột; những gì thuộc một khoá (các mục `- `, các khoá con) thụt vào hai dấu cách so với khoá đó
yaml-colon-misplaced = có một dấu `:` ở chỗ YAML không cho phép
yaml-colon-misplaced-hint = hãy viết khoá, rồi `: ` (dấu hai chấm và một dấu cách), rồi giá trị; giá trị nào có `: ` phải đặt trong ngoặc kép
yaml-document-marker = trong tệp có một dòng `---` hoặc `...`, hoặc tệp bắt đầu theo cách YAML không đọc được
yaml-document-marker-hint = chỉ giữ một khối khoá: hãy xoá dòng `---` hoặc `...` thừa (phần đầu trang kết thúc ở dòng `---` thứ hai)
yaml-too-deep = tệp này lồng nhau hoặc lặp lại giá trị quá sâu, không đọc được
yaml-too-deep-hint = hãy viết thẳng các giá trị ra, không dùng `&tên` và `*tên`, và bớt số mức thụt lề
yaml-comment = một chú thích `#` dính liền vào chữ đứng trước
yaml-comment-hint = hãy thêm một dấu cách trước `#`, hoặc đặt giá trị trong ngoặc kép nếu `#` là một phần của nó
yaml-reserved-start = giá trị này bắt đầu bằng một ký tự mà YAML dành riêng
yaml-syntax-hint = giá trị nào có `: ` hoặc bắt đầu bằng một ký tự đặc biệt ([ {"{"} " ' # & * ! | > % @) thì phải đặt trong dấu ngoặc kép

## Giá trị một mục nhận, sau chữ "phải là"

takes-text = một đoạn chữ
takes-text-per-lang = một đoạn chữ, hoặc mỗi ngôn ngữ một đoạn: {"{"}vi: …, en: …{"}"}
takes-true-false = `true` (có) hoặc `false` (không)
takes-search = `true`, `false`, hoặc các thiết lập, mỗi dòng một mục: `enabled:` (true hoặc false) và `synonyms:` (danh sách các nhóm, ví dụ `[[phụ huynh, cha mẹ]]`)
takes-synonyms = một danh sách các nhóm, mỗi nhóm là danh sách những từ hoặc cụm từ tìm cái nào cũng ra như nhau: `[[phụ huynh, cha mẹ], [tờ rơi, ấn phẩm]]`
takes-whole-number = một số nguyên, ví dụ `10`
takes-days = một số ngày, ví dụ `30`
takes-date = một ngày viết theo năm-tháng-ngày, ví dụ `2027-05-20`
takes-bound = một ngày (`2027-05-20`) hoặc một ngày tính theo chiến dịch: `start`, `end`, `start-14d`, `end+7d`
takes-audience = một hoặc nhiều nhóm: { $groups }, ví dụ `audience: [cha-me, tre-em]`
takes-school-level = một hoặc nhiều cấp học: { $levels }, ví dụ `school_level: [thcs, thpt]`
takes-leaflet = `a4`, `a5`, `trifold`, hoặc một danh sách như `[a4, trifold]`
takes-variants = `localities`
takes-picture = tên một tệp ảnh đặt cạnh trang, ví dụ `anh.jpg`
takes-slug = một tên cho địa chỉ trang, bằng chữ thường a-z không dấu, chữ số và dấu gạch nối
takes-when = một ngày viết ngày/tháng như `1/6 - 30/6`, hoặc một danh sách các ngày như vậy
takes-years = một năm (`2027`) hoặc khoảng năm (`2020-2030`, `2027-`)
takes-timezone = một múi giờ như `Asia/Ho_Chi_Minh`
takes-campaigns = một danh sách các chiến dịch, mỗi chiến dịch bắt đầu bằng một dòng `- id: …`
takes-id = một tên ngắn bằng chữ thường a-z không dấu, chữ số và dấu gạch nối, ví dụ `thang-hanh-dong`
takes-color = một màu đặt trong dấu ngoặc kép, ví dụ `"#c2410c"`
takes-languages = một danh sách mã ngôn ngữ, ngôn ngữ chính đứng đầu, ví dụ `[vi, en]`
takes-url = một địa chỉ web, ví dụ `https://baovetreem.hanoi.example/`
takes-page-path = đường dẫn của một trang trong content/, ví dụ `pages/an-toan-khi-truy-cap.md`
takes-theme = tên một giao diện: `default` hoặc một thư mục trong themes/
takes-organisation = hai mục `name` và `url` ở các dòng bên dưới, thụt vào
takes-hotlines = một danh sách đường dây nóng, mỗi số bắt đầu bằng một dòng `- number: …`
takes-phone = một số điện thoại viết như thường lệ, ví dụ `024.3525.662`
takes-cms = các thiết lập của trang quản trị ở các dòng bên dưới, thụt vào (`name`, `backend`, `repo`…)
takes-widths = một danh sách độ rộng tính bằng điểm ảnh, ví dụ `[480, 960, 1440]`

## Ngày trong calendar.yaml (`when:`)

when-forms = hãy viết theo một trong các dạng: 30/7 · 1/6 - 30/6 · 20/12 - 10/1 · tháng 6 · 15/8 âm lịch · 1/3/2027 - 8/3/2027
month-name = tháng { $month }
when-not-a-date = `{ $date }` không phải là một ngày
when-empty = `when` đang để trống
when-not-a-month = `{ $month }` không phải là một tháng
when-not-a-month-hint = hãy viết tháng bằng chữ số: tháng 6
when-no-such-month = không có tháng { $month }
when-months-hint = tháng chỉ từ 1 đến 12
when-one-dash = một khoảng ngày chỉ có một dấu gạch ngang
when-one-dash-hint = hãy viết một khoảng ngày như 1/6 - 30/6; nhiều khoảng thì viết thành danh sách: [1/6 - 30/6, 1/9 - 5/9]
when-leap-not-lunar = `nhuận` (tháng nhuận) chỉ có trong âm lịch
when-leap-not-lunar-hint = hãy thêm chữ âm lịch: 1/6/2025 nhuận âm lịch
when-leap-yearly = tháng nhuận không năm nào cũng có
when-leap-yearly-hint = hãy ghi năm cho ngày của tháng nhuận: 1/6/2025 nhuận âm lịch
when-end-needs-year = ngày cuối của một khoảng ngày có năm cũng phải ghi năm
when-write = hãy viết { $date }
when-backwards = khoảng ngày này kết thúc trước khi bắt đầu
when-backwards-hint = hãy viết ngày sớm hơn trước
when-date-missing = ở đây thiếu một ngày
when-year-digits = `{ $date }`: hãy viết năm đủ bốn chữ số
when-year-digits-hint = ví dụ 1/3/2027
when-no-such-day = { $date } không phải là một ngày có thật ({ $why })
when-no-month = không có tháng { $month }
when-day-first-hint = hãy viết ngày trước, tháng sau: 30/7
when-month-max = { $month } có nhiều nhất { $max } ngày
when-month-has = { $month } có { $max } ngày
when-not-leap = năm { $year } không phải năm nhuận
when-out-of-range = { $date } nằm ngoài khoảng năm loa tính được
when-lunar-max = một tháng âm lịch có nhiều nhất 30 ngày
when-lunar-no-leap = năm { $year } âm lịch không có tháng { $month } nhuận
when-lunar-outside = năm { $year } nằm ngoài lịch âm mà loa biết
when-lunar-29 = tháng { $month } âm lịch năm { $year } chỉ có 29 ngày

## Tên và địa chỉ

reserved-language = `{ $name }` là mã của một ngôn ngữ của trang, các trang của ngôn ngữ ấy nằm trong /{ $name }/
reserved-name = `{ $name }` là tên loa dành cho các tệp nó tự tạo
url-not-absolute = `{ $url }` không phải là một địa chỉ web đầy đủ ({ $detail })
url-scheme = `{ $url }` là địa chỉ dạng `{ $scheme }:`; chỉ dùng được https:, http:, mailto: và tel:
url-no-host = `{ $url }` thiếu tên miền

## calendar.yaml

cal-not-timezone = `{ $value }` không phải là một múi giờ
cal-timezone-hint = hãy dùng tên múi giờ chuẩn, ví dụ Asia/Ho_Chi_Minh
cal-bad-id = `{ $id }` không dùng được làm mã chiến dịch
cal-bad-id-hint = hãy dùng chữ thường a-z không dấu, chữ số và dấu gạch nối, ví dụ `{ $suggestion }`; mã này cũng là tên thư mục và địa chỉ của chiến dịch
cal-id-taken = không dùng được mã chiến dịch `{ $id }`: { $why }
cal-id-taken-hint = hãy chọn mã khác (mã cũng là tên thư mục và địa chỉ của chiến dịch), ví dụ `{ $suggestion }`
cal-id-twice = chiến dịch `{ $id }` được khai báo hai lần
cal-id-twice-hint = mỗi chiến dịch cần một mã riêng
cal-title-language = `{ $lang }` không phải là một ngôn ngữ của trang ({ $languages })
cal-title-language-hint = hãy thêm ngôn ngữ này vào `languages` trong site.yaml, hoặc xóa tiêu đề này
cal-when-empty = `when` là một danh sách trống
cal-when-empty-hint = hãy ghi ít nhất một ngày, ví dụ 1/6 - 30/6
cal-years-hint = hãy ghi một năm (2027) hoặc một khoảng năm (2020-2030)
cal-not-a-year = `{ $value }` không phải là một năm
cal-years-order = các năm { $years } bị viết ngược thứ tự
cal-days-range = `{ $key }` phải là một số ngày từ 0 đến 366, không phải { $value }
cal-not-colour = `{ $value }` không phải là một màu
cal-colour-hint = hãy viết mã màu trong dấu ngoặc kép, ví dụ "#c2410c"

## Phần đầu trang: các dòng giữa hai dòng --- ở đầu trang

fm-none = trang này thiếu phần đầu trang (các dòng giữa hai dòng ---)
fm-none-hint = hãy bắt đầu tệp bằng một dòng ---, rồi dòng title: …, rồi một dòng ---
fm-unclosed-hint = hãy kết thúc phần đầu trang bằng một dòng chỉ có ---, sau mục cuối cùng
fm-title-empty = tiêu đề đang để trống
fm-title-empty-hint = hãy viết tiêu đề của trang sau `title:`
fm-not-a-date = `{ $value }` không phải là một ngày
fm-date-hint = hãy viết ngày theo dạng năm-tháng-ngày, ví dụ 2027-05-20
fm-date-did-you-mean = hãy viết ngày theo thứ tự năm-tháng-ngày: { $date }
fm-bound-neither = `{ $value }` không phải là một ngày, cũng không phải là một ngày tính theo chiến dịch
fm-bound-form = `{ $value }`: ngày tính theo chiến dịch viết là start hoặc end, rồi dấu + hoặc -, rồi số ngày
fm-bound-too-far = `{ $value }`: chỉ tính xa nhất { $max } ngày
fm-bound-days = `{ $value }`: `{ $days }` không phải là một số ngày
fm-bound-hint = hãy viết một ngày (2027-05-20) hoặc một ngày tính theo chiến dịch: start, end, start-14d, end+7d
fm-bound-no-campaign = `{ $key }: { $value }` tính theo ngày của một chiến dịch, nhưng trang này không thuộc chiến dịch nào
fm-bound-no-campaign-hint = hãy ghi một ngày như 2027-05-20, hoặc chuyển trang vào thư mục của một chiến dịch
fm-expires-first = trang thôi hiện ({ $expire }) trước cả khi bắt đầu hiện ({ $publish })
fm-expires-first-hint = `expire` là ngày đầu tiên trang không còn hiện; hãy ghi ngày sau `publish`
fm-not-leaflet = `{ $value }` không phải là một khổ tờ rơi
fm-leaflet-hint = hãy dùng a4, a5, trifold (gấp ba), booklet (sách mỏng), poster-a3 hoặc poster-a2 (áp phích), hoặc một danh sách như [a4, booklet]
fm-not-variants = `{ $value }` không phải là một kiểu tờ rơi theo địa phương
fm-variants-hint = hãy viết `variants: localities` để mỗi địa phương trong localities.yaml có một tờ rơi riêng, hoặc xóa mục này
fm-not-audience-name = `{ $value }` không phải là tên một nhóm người đọc
fm-audience-name-hint = hãy dùng tên ngắn bằng chữ thường không dấu và dấu gạch nối: { $groups }
fm-bad-slug = `{ $value }` không dùng được làm tên trang trên địa chỉ web
fm-slug-hint = hãy dùng chữ thường a-z không dấu, chữ số và dấu gạch nối, ví dụ `{ $suggestion }`
fm-not-school-level = `{ $value }` không phải là một cấp học
fm-school-level-hint = hãy dùng { $levels } (mầm non, tiểu học, trung học cơ sở, trung học phổ thông), hoặc một danh sách như [thcs, thpt]

## site.yaml

site-not-url = `{ $value }` không phải là một địa chỉ web đầy đủ
site-base-url-hint = hãy ghi địa chỉ trang được đăng, ví dụ https://example.org/
site-base-url-credentials = `base_url` có tên đăng nhập hoặc mật khẩu (phần trước dấu `@`): chúng sẽ bị đăng lên mọi trang, bản tin và sơ đồ trang
site-base-url-credentials-hint = hãy ghi địa chỉ không có phần đó: { $fixed } (không bao giờ ghi mật khẩu vào site.yaml)
site-base-path-not-text = đường dẫn của `{ $value }` không giải mã được thành chữ: trong đó có ký tự điều khiển hoặc các byte không phải UTF-8
site-base-path-hint = hãy ghi đường dẫn bằng chữ, số và dấu gạch ngang, ví dụ https://example.org/tin-tuc/
site-languages-empty = `languages` đang để trống
site-languages-empty-hint = hãy ghi ít nhất một mã ngôn ngữ, ngôn ngữ chính đứng đầu: [vi, en]
site-not-language = `{ $value }` không phải là một mã ngôn ngữ
site-language-hint = hãy dùng mã hai chữ cái theo ISO 639-1, như vi hoặc en
site-language-twice = `{ $value }` được ghi hai lần
site-language-twice-hint = mỗi ngôn ngữ chỉ ghi một lần
site-text-language = có một đoạn chữ bằng `{ $lang }`, nhưng ngôn ngữ này không có trong `languages`
site-text-language-hint = hãy thêm ngôn ngữ này vào `languages`, hoặc xóa đoạn chữ ấy
site-not-theme = `{ $value }` không phải là tên một giao diện
site-theme-hint = giao diện là tên một thư mục trong themes/, ví dụ default
site-not-phone = `{ $value }` không phải là một số điện thoại
site-phone-hint = hãy viết các chữ số; có thể ngăn các nhóm số bằng dấu cách, dấu chấm hoặc gạch nối: 024.3525.662
site-organisation-url-hint = hãy ghi trang web của cơ quan dạng https://…, hoặc một địa chỉ mailto: hay tel:
site-quick-exit-hint = hãy ghi địa chỉ một trang bình thường của trang web khác, không liên quan gì đến trang này, ví dụ trang thời tiết: https://vnexpress.net/thoi-tiet
site-quick-exit-not-web = `{ $url }` không phải là một trang web: nút thoát nhanh phải mở một trang, có địa chỉ https://
site-quick-exit-same-site = `{ $url }` nằm ngay trên trang này: nút thoát nhanh phải đưa người đọc sang trang khác
site-no-safety-page = `{ $value }` không phải là một trang trong content/
site-safety-page-hint = hãy ghi đường dẫn của tệp Markdown trong content/, bằng ngôn ngữ chính, ví dụ pages/an-toan-khi-truy-cap.md

## Trang quản trị (cms: trong site.yaml)

takes-one-of = một trong các giá trị: { $choices }
takes-repo = kho mã của trang, viết là chủ-sở-hữu/tên
takes-branch = tên một nhánh, ví dụ `main`
takes-https = một địa chỉ https://
cms-not-one-of = cms { $key }: `{ $value }` không phải là một trong các giá trị { $choices }
cms-write-one-of = hãy ghi một trong các giá trị: { $choices }
cms-not-repo = `{ $value }` không phải là tên một kho mã
cms-repo-hint = hãy ghi chủ sở hữu và tên kho mã của trang: chủ-sở-hữu/tên
cms-short-no-repo = `cms: { $name }` mới chọn trình soạn thảo; còn thiếu `repo:`, kho mã nơi trang quản trị lưu bài
cms-short-no-repo-hint = hãy viết `cms:` thành một khối, các dòng bên dưới thụt vào: `name: { $name }`, rồi `repo: chủ-sở-hữu/tên` (kho mã của trang trên GitHub, GitLab hoặc Gitea); hoặc trên một dòng: cms: {"{"}name: { $name }, repo: chủ-sở-hữu/tên{"}"}
cms-no-repo = `cms` cần mục `repo`: kho mã nơi trang quản trị lưu bài
cms-no-repo-hint = hãy thêm `repo: chủ-sở-hữu/tên` (kho mã của trang trên GitHub, GitLab hoặc Gitea) dưới `cms:`
cms-not-branch = `{ $value }` không phải là tên một nhánh
cms-branch-hint = hãy ghi nhánh dùng để đăng trang, ví dụ main
cms-branch-rules-hint = git không nhận tên này: tên nhánh không có dấu cách, ký tự điều khiển hay các dấu ~ ^ : ? * [ \, không có `..` hay `@{"{"}`, không bắt đầu bằng - hay /, không kết thúc bằng /, . hay .lock; ví dụ main
cms-not-https = `{ $value }` không phải là một địa chỉ https://
cms-https-hint = hãy ghi `{ $key }` là địa chỉ của máy chủ, ví dụ https://git.example.org
cms-gitea-host = `backend: gitea` cần mục `host`: địa chỉ máy chủ Gitea
cms-gitea-host-hint = hãy thêm `host: https://git.example.org` dưới `cms:`

## localities.yaml

loc-bad-id = `{ $id }` không dùng được làm mã địa phương
loc-bad-id-hint = hãy dùng chữ thường a-z không dấu, chữ số và dấu gạch nối, ví dụ { $suggestion }
loc-id-twice = mã `{ $id }` được dùng hai lần
loc-id-twice-hint = hãy cho mỗi địa phương một mã riêng: mã này thành tên tệp PDF

## Đọc tệp

file-cannot-read = không đọc được: { $detail }
file-cannot-read-named = không đọc được { $file }: { $detail }
file-not-utf8 = tệp này không phải là chữ mã hóa UTF-8
file-not-utf8-hint = hãy lưu tệp dưới dạng UTF-8 trong trình soạn thảo (trong Notepad: Save as… → Encoding: UTF-8)
file-cannot-create = không tạo được: { $detail }
file-cannot-write = không ghi được: { $detail }
folder-permissions-hint = hãy kiểm tra quyền truy cập thư mục

## Giao diện (theme)

theme-cannot-read = không đọc được giao diện: { $detail }
theme-missing = không có giao diện `{ $name }`: không có thư mục themes/{ $name }/
theme-missing-hint = hãy dùng `theme: default`, hoặc tạo thư mục ấy
theme-widths = `widths` phải liệt kê một hoặc nhiều độ rộng, mỗi độ rộng từ { $low } đến { $high } điểm ảnh
theme-widths-hint = ví dụ: widths: [480, 960, 1440]
theme-sizes = `sizes` là giá trị `sizes` của HTML: điều kiện màn hình và độ dài, không có dấu ngoặc kép hay < > &
theme-sizes-hint = ví dụ: sizes: "(min-width: 48rem) 44rem, 100vw"
theme-strings-missing = bộ chữ của `{ $lang }` thiếu { $count } khóa loa cần dùng: { $keys }
theme-strings-missing-hint = hãy chép chúng từ giao diện mặc định của loa (themes/default/i18n/{ $lang }.yaml, hoặc en.yaml) rồi dịch
theme-no-strings = giao diện chưa có bộ chữ cho `{ $lang }`
theme-no-strings-hint = hãy thêm themes/{ $name }/i18n/{ $lang }.yaml; trong lúc chờ, loa dùng bộ chữ của ngôn ngữ chính

## Thư mục của trang và content/

site-missing-hint = hãy chạy loa trong thư mục của trang, hoặc thêm --root THƯ-MỤC; `loa init THƯ-MỤC` tạo một trang mới
calendar-missing-hint = trang nào cũng cần một tệp calendar.yaml đặt cạnh site.yaml; `loa init` tạo sẵn tệp này
root-hint = hãy chạy loa trong thư mục của trang, hoặc thêm --root THƯ-MỤC
content-no-folder = không có thư mục content/
content-no-folder-hint = hãy tạo content/_index.md cho trang chủ; `loa init` tạo sẵn một trang chạy được
content-cannot-read = không đọc được thư mục content: { $detail }
static-cannot-read = không đọc được thư mục static: { $detail }
content-symlink = đây là một lối tắt tới tệp hoặc thư mục khác; loa không đi theo lối tắt nên bỏ qua nó
content-symlink-hint = hãy chép chính tệp hoặc thư mục ấy vào { $folder }
content-folder-like-page = đây là một thư mục đặt tên như một trang; nó không phải là trang
content-folder-like-page-hint = mỗi trang là một tệp: hãy đổi tên thư mục, hoặc chuyển trang ra khỏi thư mục
content-not-a-file = đây không phải tệp cũng không phải thư mục; loa bỏ qua nó
content-folder-not-campaign = thư mục `{ $folder }` không phải là một chiến dịch trong calendar.yaml
content-folder-did-you-mean = có phải bạn muốn viết `{ $id }`? Các thư mục trong content/ là `pages` và mã của các chiến dịch
content-folder-hint = hãy thêm chiến dịch này vào calendar.yaml, hoặc đổi tên thư mục thành một trong các mã: { $ids }
content-spaced-target = `{ $target }` có dấu cách: loa hiểu đó là tên tệp, nhưng các công cụ Markdown khác sẽ hiện nó thành chữ thường
content-spaced-target-hint = hãy viết tên tệp giữa dấu < và >, theo chuẩn CommonMark: (<{ $target }>)
content-empty-translation = bản dịch này đang trống, nên trang chưa có bản `{ $lang }`
content-empty-translation-hint = hãy viết bản dịch (tiêu đề, rồi nội dung), hoặc xóa tệp
content-same-page = { $first } và { $second } là cùng một trang bằng `{ $lang }`
content-same-page-hint = hãy giữ lại một trong hai tệp: x.md và x.{ $lang }.md đều là bản của ngôn ngữ chính
content-file-language = `{ $lang }` trong tên tệp không phải là một ngôn ngữ của trang ({ $languages })
content-file-language-hint = hãy đặt tên bản dịch là x.en.md, với một mã trong `languages` của site.yaml
content-pages-index = content/pages/ không có _index.md: các trang chung được liệt kê ở trang chủ
content-pages-index-hint = hãy chuyển nội dung sang content/_index.md
content-page-at-top = các trang nằm trong content/pages/ hoặc trong thư mục của một chiến dịch
content-page-at-top-hint = hãy chuyển tệp sang content/pages/{ $file }
content-page-too-deep = các trang chỉ nằm sâu nhất một thư mục trong content/
content-page-too-deep-hint = hãy chuyển tệp sang content/pages/ hoặc thư mục của chiến dịch
content-no-slug = `{ $name }` không cho ra được tên trang trên địa chỉ web: không có chữ cái hay chữ số nào
content-no-slug-hint = hãy thêm `slug: ten-trang` vào phần đầu trang, hoặc đổi tên tệp
translation-not-draft = bản dịch này ghi `draft: false`, nhưng bản gốc { $original } vẫn là bản nháp
translation-draft-hint = bản dịch chỉ được đăng cùng bản gốc: hãy xoá dòng `draft` ở đây (bản dịch sẽ theo { $original }), hoặc đăng { $original } trước
translation-publish-earlier = bản dịch này hiện từ `{ $value }`, sớm hơn bản gốc { $original } (`{ $original_value }`)
translation-expire-later = bản dịch này còn hiện đến `{ $value }`, sau khi bản gốc { $original } đã thôi hiện (`{ $original_value }`)
translation-window-hint = bản dịch không bao giờ hiện trước hay sau bản gốc: hãy xoá dòng `{ $key }` ở đây (bản dịch sẽ theo { $original }), hoặc sửa trong { $original }

## Phông chữ và ảnh

font-unreadable = tệp này không phải là phông chữ loa đọc được
font-unreadable-hint = hãy dùng tệp phông TrueType (.ttf) hoặc OpenType (.otf)
font-none = giao diện không có phông chữ cho tờ rơi
font-none-hint = hãy đặt các tệp .ttf hoặc .otf vào thư mục fonts/ của giao diện, ví dụ Noto Sans
typeset-absent = trang web này cần dàn trang (tờ rơi, khung in cho báo, ảnh chia sẻ, bản in để đọc của bản tin phát thanh hoặc báo cáo năm), nhưng bản loa này được dựng không kèm phần dàn trang
typeset-absent-hint = hãy dùng bản loa có đủ tính năng mặc định (tính năng `typeset`), ví dụ bản phát hành hoặc bản cài bằng `cargo install loa`
image-cannot-read = không đọc được ảnh: { $detail }
image-unknown-format = đây không phải là ảnh loa đọc được (PNG, JPEG, GIF, WebP hoặc TIFF)
image-unreadable = ảnh bị lỗi, không đọc được ({ $detail })
image-too-large = ảnh có { $width } × { $height } điểm ảnh, lớn hơn mức { $max } megapixel loa nhận
image-cut-short = ảnh bị hỏng hoặc bị cắt cụt (dữ liệu JPEG dừng trước khi hết)

## loa check: những gì được kiểm tra, ngày nào cũng vậy

check-unlinked-file = không trang nào liên kết tới tệp này, nên tệp không được đăng
check-unlinked-file-hint = hãy liên kết tới nó từ một trang (tệp được đăng khi trang ấy được đăng), hoặc chuyển nó vào static/ để luôn được đăng
check-picture-bad = không đăng được ảnh `{ $picture }`: { $why }
check-picture-bad-hint = hãy mở ảnh bằng một phần mềm sửa ảnh rồi lưu lại dưới dạng PNG hoặc JPEG, hoặc dùng ảnh khác
check-image-no-alt = ảnh `{ $picture }` chưa có lời mô tả: người đọc không nhìn thấy ảnh sẽ không biết ảnh nói gì
check-image-no-alt-hint = hãy viết nội dung ảnh vào giữa hai dấu ngoặc vuông: ![Hai em nhỏ gọi 111](anh.jpg)
check-image-alt-missing = `image` cần có `image_alt`: lời mô tả nội dung ảnh
check-image-alt-missing-hint = hãy thêm một dòng image_alt: Hai em nhỏ gọi đường dây nóng 111
check-not-a-picture = `{ $picture }` không phải là một ảnh
check-not-a-picture-hint = hãy dùng một tệp PNG, JPEG, GIF, WebP hoặc SVG đặt cạnh trang
check-picture-remote = ảnh `{ $picture }` nằm trên một trang web khác
check-picture-remote-hint = hãy chép ảnh vào cạnh trang rồi ghi tên tệp: trang không tải gì từ trang web khác
check-picture-missing-hint = hãy đặt ảnh cạnh trang rồi ghi tên tệp: image: anh-truong-hoc.jpg
check-remote-html = đoạn HTML này tải nội dung từ một trang web khác: { $found }
check-remote-html-hint = hãy chép tệp vào cạnh trang rồi liên kết bằng tên tệp: trang không tải gì từ trang web khác
check-file-name-taken = tệp này sẽ được đăng thành `{ $output }`: { $why }
check-rename-file = hãy đổi tên tệp
check-page-is-campaign = trang `{ $slug }` có cùng địa chỉ với chiến dịch `{ $slug }`
check-page-is-language = trang `{ $slug }` có cùng địa chỉ với trang chủ của ngôn ngữ `{ $slug }`
check-page-reserved = `{ $slug }` là tên loa dành cho các tệp nó tự tạo
check-same-slug = trang này và { $other } có cùng tên trên địa chỉ web: `{ $slug }`
check-same-slug-hint = hãy đổi tên một trong hai tệp, hoặc ghi `slug:` riêng trong phần đầu của một trang
check-unknown-audience = `{ $audience }` không phải là một nhóm người đọc; các nhóm là: { $groups }
check-audience-did-you-mean = có phải bạn muốn viết `{ $audience }`? Một nhóm mới cần có tên hiển thị trong các tệp i18n của giao diện: { $label }
check-audience-hint = một nhóm mới cần có tên hiển thị trong các tệp i18n của giao diện: { $label }
check-home-window = trang chủ và trang chính của một chiến dịch luôn được đăng; đừng ghi `publish` hay `expire` cho các trang này
check-home-window-hint = hãy ghi publish/expire cho các trang của chiến dịch
check-cms-script-missing = thiếu { $script }, nên trang quản trị (/admin/) không được đăng
check-cms-script-missing-hint = hãy chạy `loa cms install` một lần: lệnh này tải { $package }@{ $version } và đặt tệp của nó vào { $folder }/ (commit cùng trang web); hoặc ghi `script: cdn` dưới `cms:`
check-decap-plain-names = Decap CMS mở trang này và { $others } trang khác có tên dạng x.md thành biểu mẫu trống
check-decap-plain-names-hint = hãy đổi tên chúng thành x.{ $lang }.md, như cách Decap đặt tên các trang nó tạo (xem README, mục "The browser editor"); hoặc dùng `name: sveltia` dưới `cms:`
check-campaign-never = chiến dịch `{ $id }` không bao giờ diễn ra
check-campaign-never-hint = hãy xem lại `when` và `years` của chiến dịch
check-variants-alone = `variants` không có tác dụng khi không có `leaflet`
check-variants-alone-hint = hãy thêm `leaflet: a5` (hoặc a4, trifold), hoặc xóa `variants`
check-no-localities = `variants: localities` cần tệp localities.yaml, nhưng trang chưa có tệp này
check-no-localities-hint = hãy tạo localities.yaml cạnh site.yaml (xem README, mục "Leaflets for schools"), hoặc xóa `variants`
check-leaflet-of-home = tờ rơi được làm từ các trang của chiến dịch và các trang chung, không làm từ trang chủ
check-leaflet-of-home-hint = hãy chuyển nội dung cho tờ rơi sang một trang riêng
check-no-leaflet-template = giao diện không có mẫu tờ rơi khổ { $format }
check-no-leaflet-template-hint = hãy chép mẫu từ giao diện mặc định của loa, hoặc bỏ khổ này khỏi `leaflet` của các trang
check-nested-too-deep = danh sách hoặc trích dẫn ở đây lồng nhau quá { $depth } tầng: trên tờ rơi, các tầng sâu hơn được in lùi lên một tầng
check-nested-too-deep-hint = hãy lồng ít tầng hơn, hoặc tách danh sách ra
check-glyph-leaflet = tờ rơi
check-glyph-print-box = khung in cho báo
check-glyph-missing = { $what } không in được ký tự { $char }: phông chữ ({ $families }) không có ký tự này
check-glyph-missing-hint = hãy xóa hoặc thay nó (bằng một ảnh hay một từ); hoặc thêm một phông chữ có ký tự này vào themes/{ $theme }/fonts/

## Liên kết giữa các trang

link-empty = liên kết này không dẫn tới đâu cả
link-url-path = `{ $dest }` là một đường dẫn web, sẽ hỏng khi trang chuyển sang địa chỉ khác
link-outside = `{ $dest }` trỏ ra ngoài thư mục content/
link-missing = không có `{ $dest }` (loa đã tìm { $looked })
link-not-a-file = `{ $dest }` không phải là một tệp; hãy liên kết tới chính tệp Markdown: { $file }
link-missing-hint = hãy liên kết tới trang khác bằng tệp Markdown của nó, ví dụ [Cách báo tin](../pages/cach-bao-tin.md)
link-anchor-did-you-mean = có phải bạn muốn viết #{ $anchor }? Tên một tiêu đề nhỏ trong liên kết là các chữ của tiêu đề, bỏ dấu, nối bằng dấu gạch ngang
link-anchor-hint = tên một tiêu đề nhỏ trong liên kết là các chữ của tiêu đề, bỏ dấu, nối bằng dấu gạch ngang
link-no-heading = `{ $page }` không có tiêu đề nhỏ #{ $anchor }
link-no-heading-here = trang này không có tiêu đề nhỏ #{ $anchor }
link-image-remote = ảnh `{ $url }` nằm trên một trang web khác
link-image-remote-hint = hãy chép ảnh vào cạnh trang rồi liên kết bằng tên tệp: trang không tải gì từ trang web khác
link-unsafe-scheme = liên kết `{ $dest }` dùng một kiểu địa chỉ không bao giờ được đăng; chỉ giữ lại chữ của nó

## Ghi thư mục đầu ra

out-own-folder-hint = hãy ghi kết quả vào một thư mục riêng, ví dụ --out dist
out-cannot-resolve-root = không xác định được thư mục của trang: { $detail }
out-cannot-resolve = không xác định được thư mục đầu ra: { $detail }
out-is-root = thư mục đầu ra chính là thư mục của trang
out-contains-root = thư mục đầu ra chứa thư mục của trang
out-looks-like-site = thư mục đầu ra có thư mục content/: trông như thư mục của một trang
out-inside-input = thư mục đầu ra nằm trong { $input } của trang
out-is-file = đường dẫn đầu ra là một tệp, không phải thư mục
out-not-loas = thư mục này không trống và không do loa ghi; nó sẽ bị thay thế
out-not-loas-hint = hãy chọn một thư mục trống hoặc mới, hoặc tự xóa thư mục này
out-no-parent = thư mục đầu ra không có thư mục cha
out-mount-point = thư mục đầu ra là một điểm gắn ổ đĩa, nên loa ghi từng tệp ngay tại chỗ: mỗi tệp được ghi trọn vẹn, nhưng nếu việc dựng trang dừng giữa chừng thì tệp cũ và tệp mới sẽ lẫn vào nhau
out-mount-point-hint = để kết quả được thay trọn một lần, hãy dùng một thư mục bên trong ổ đĩa đã gắn: --out /mount/dist
out-locked = một lần dựng trang khác đang ghi vào thư mục đầu ra này
out-locked-hint = hãy chờ nó xong rồi dựng lại, hoặc chạy không có --no-wait để tự chờ
out-waiting = Một lần dựng trang khác đang ghi vào { $folder }; đang chờ nó xong…
out-cannot-remove-left = không xóa được thư mục do một lần dựng trang bị dừng để lại: { $detail }
out-cannot-remove-left-hint = hãy tự xóa thư mục này
write-cannot = không thể { $action }: { $detail }
write-cannot-hint = hãy kiểm tra quyền truy cập thư mục và dung lượng còn trống của ổ đĩa
write-act-write = ghi tệp
write-act-resolve-out = xác định thư mục đầu ra
write-act-create-folder = tạo thư mục
write-act-create-work = tạo thư mục làm việc của loa
write-act-read = đọc tệp
write-act-remove = xóa
write-act-move-in = đưa kết quả mới vào chỗ
write-act-exchange = đổi kết quả mới với kết quả cũ
write-act-move-aside = dời kết quả trước sang một bên
write-act-keep-previous = giữ lại kết quả trước
write-act-open-lock = mở tệp khóa
write-act-lock = khóa thư mục đầu ra

## Đăng ảnh và ảnh chia sẻ

picture-bad-hint = hãy mở ảnh bằng một phần mềm sửa ảnh rồi lưu lại dưới dạng PNG hoặc JPEG (hoặc SVG thường), hoặc dùng ảnh khác
image-damaged = ảnh bị hỏng hoặc bị cắt cụt ({ $detail })
image-cannot-encode = không ghi được ảnh dạng { $format }: { $detail }
image-refused-format = đây là ảnh dạng { $format }, loa không đọc được nên không xoá được các thông tin đi kèm ảnh (nơi chụp, máy chụp): hãy mở ảnh rồi lưu lại dưới dạng JPEG (ảnh chụp) hoặc PNG (hình vẽ), rồi dùng tệp mới đó
image-too-much-memory = giải nén ảnh này cần hơn { $max } MiB bộ nhớ, quá mức loa dành cho một ảnh
assets-overwrite = tệp này sẽ ghi đè lên tệp { $output } do loa tạo
svg-at-byte = { $why } (ở byte thứ { $offset })
svg-not-utf8 = tệp không phải là chữ mã hóa UTF-8
svg-not-xml = tệp không phải là XML hợp lệ: { $detail }
svg-first-element = đây không phải là ảnh SVG (thẻ đầu tiên là <{ $name }>, không phải <svg>)
svg-no-svg = đây không phải là ảnh SVG (không có thẻ <svg>)
svg-unclosed = tệp kết thúc trước khi các thẻ được đóng lại
svg-attribute = không đọc được một thuộc tính: { $detail }
svg-attribute-value = không đọc được giá trị của `{ $key }`: { $detail }
svg-write = không ghi lại được: { $detail }
svg-text = không đọc được phần chữ: { $detail }
card-no-page = mẫu ảnh chia sẻ không tạo ra trang nào
card-no-template = giao diện không có mẫu ảnh chia sẻ
card-no-template-hint = hãy chép themes/default/leaflets/{ $template } từ giao diện mặc định của loa, hoặc ghi `share_cards: false` trong site.yaml
card-from-picture = không làm được ảnh chia sẻ từ ảnh này: { $why }
threads-cannot-start = không khởi động được các luồng xử lý: { $detail }
typst-no-fonts = phông chữ của giao diện chưa được nạp trước khi dàn trang
typst-bad-template-name = tên mẫu không hợp lệ

## Tài liệu đăng để tải về (PDF, tài liệu văn phòng)

document-bad = không thể đăng tài liệu `{ $file }`: { $why }
document-pdf-unreadable = không đọc được tệp PDF: { $detail }
document-pdf-hint = mở tệp, xuất (hoặc in) lại thành PDF rồi liên kết tới tệp mới
document-pdf-encrypted = tệp PDF đã bị mã hóa (có mật khẩu bảo vệ) nên loa không thể xóa tên tác giả và các dữ liệu ẩn khác trong đó
document-pdf-encrypted-hint = mở tệp, lưu một bản không đặt mật khẩu (hoặc in lại thành PDF) rồi liên kết tới bản đó
document-pdf-picture-damaged = một ảnh JPEG trong tệp bị hỏng (ở byte thứ { $offset } của ảnh)
document-zip-unreadable = không đọc được tệp này như một tài liệu văn phòng: { $detail }
document-too-large = tệp giải nén ra lớn hơn { $max } MB
document-office-hint = mở tệp bằng Word, Excel, PowerPoint hoặc LibreOffice rồi lưu lại, hoặc lưu thành PDF
document-part-damaged = ảnh `{ $part }` bên trong tệp bị hỏng (ở byte thứ { $offset })
document-part-xml = phần `{ $part }` bên trong tệp không phải là XML hợp lệ: { $detail }
document-legacy-office = đây là tệp Office định dạng nhị phân cũ (.doc, .xls hoặc .ppt) hoặc tệp có đặt mật khẩu, loa không thể xóa tên tác giả và lịch sử chỉnh sửa trong đó
document-rtf = đây là tài liệu RTF, loa không thể xóa tên tác giả và dữ liệu chỉnh sửa trong đó
document-convert-hint = mở tệp và lưu thành PDF, hoặc thành .docx, .xlsx hay .pptx, rồi liên kết tới tệp đó

## Tờ rơi, khung in và các mẫu

leaflet-failed = việc dàn trang tờ rơi khổ { $format } bị hỏng bất ngờ
leaflet-failed-hint = đây là lỗi của loa hoặc Typst; xin hãy báo lỗi kèm theo trang này
leaflet-while-making = khi làm tờ rơi khổ { $format } của { $page }
leaflet-trifold-too-long = trang quá dài cho tờ rơi gấp ba: cần { $sides } mặt giấy thay vì 2, dù đã thu nhỏ chữ
leaflet-trifold-too-long-hint = hãy rút ngắn trang, hoặc dùng `leaflet: { $format }`, khổ vừa với trang này
leaflet-trifold-short = trang quá ngắn cho tờ rơi gấp ba: một ô mặt trong chỉ có chữ ở { $percent } % chiều cao, còn lại là giấy trắng
leaflet-trifold-short-hint = hãy dùng `leaflet: a5`, khổ vừa với trang này; hoặc viết thêm cho tờ gấp ba
leaflet-poster-too-long = trang quá dài cho áp phích: `{ $format }` cần { $pages } trang thay vì 1
leaflet-poster-too-long-hint = áp phích chỉ in tiêu đề, ảnh và phần tóm tắt (hoặc đoạn đầu): hãy rút ngắn phần tóm tắt, hoặc dùng `leaflet: a4` để in cả bài
leaflet-not-ua = tờ rơi khổ { $format } chưa đạt chuẩn PDF/UA-1 (cho người khiếm thị), nên được làm thành PDF thường có gắn thẻ: { $why }
leaflet-not-ua-hint = hãy viết lời mô tả cho mọi ảnh: ![nội dung ảnh](anh.png)
leaflet-nothing-typeset = không dàn trang được gì
leaflet-picture-unreadable = không đọc được ảnh đã đăng { $picture }
typst-error = lỗi trong mẫu (Typst): { $detail }
typst-docs-hint = xem tài liệu của Typst: https://typst.app/docs/ ; README liệt kê dữ liệu một mẫu tờ rơi nhận được
typst-hints = Typst gợi ý: { $hints }
print-no-page = mẫu khung in không tạo ra trang nào
print-failed = việc dàn trang khung in bị hỏng bất ngờ
bug-hint-typst = đây là lỗi của loa hoặc Typst; xin hãy báo lỗi
bug-hint = đây là lỗi của loa; xin hãy báo lỗi
bundle-failed = không làm được tệp nén: { $detail }
tera-no-template = giao diện không có mẫu { $name }
tera-error = lỗi trong mẫu trang (Tera): { $detail }
tera-syntax-hint = xem cách viết mẫu Tera 2: https://keats.github.io/tera/
tera-missing-parent = mẫu này kế thừa mẫu "{ $parent }", nhưng không có mẫu ấy
tera-missing-parent-hint = hãy xem lại tên trong {"{"}% extends %{"}"}
tera-not-found = không có mẫu { $name }
tera-unknown-filter = không có bộ lọc (filter) nào tên là `{ $name }`
tera-unknown-test = không có phép kiểm tra (test) nào tên là `{ $name }`
tera-unknown-function = không có hàm (function) nào tên là `{ $name }`
tera-unknown-hint = hãy xem lại chính tả: mẫu trang dùng được các bộ lọc, phép kiểm tra và hàm có sẵn của Tera, liệt kê ở https://keats.github.io/tera/
tera-block-no-parent = khối `{ $name }` không có trong mẫu nào mà mẫu này kế thừa
tera-block-no-parent-hint = hãy dùng tên một khối có trong mẫu ghi ở {"{"}% extends %{"}"}, hoặc xoá khối này
output-collision = hai tệp kết quả cùng được ghi vào `{ $path }`; chỉ một tệp được ghi
output-collision-hint = một trang, chiến dịch hoặc tệp có tên trùng với một tệp loa tự tạo: hãy đổi tên

## loa serve: xem trước trực tiếp

serve-error-title = Lỗi — loa
serve-error-heading = Trang chưa được dựng lại: có lỗi trong tệp nguồn
serve-error-text = Hãy sửa lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.
serve-built = Đã dựng bản xem trước trong { $ms } ms.
serve-cannot-start = không khởi động được máy chủ xem trước: { $detail }
serve-ports-taken = các cổng từ { $first } đến { $last } đều đang được dùng
serve-ports-taken-hint = hãy chọn cổng khác bằng --port
serve-today = của hôm nay
serve-day = như vào ngày { $date }
serve-serving = Đang chạy { $url } — trang web { $day }. Tệp xem trước: { $folder }
serve-serving-drafts = Đang chạy { $url } — trang web { $day }, có hiện bản nháp. Tệp xem trước: { $folder }
serve-stop = Nhấn Ctrl-C để dừng.
serve-wrong-host = 421: loa serve chỉ trả lời trình duyệt trên chính máy này: hãy mở http://localhost:CỔNG/ hoặc http://127.0.0.1:CỔNG/ (cổng nó đã in ra).
serve-cannot-watch = không theo dõi được các tệp của trang: { $detail }
serve-fixed = Đã sửa xong.
serve-rebuilt-pages = Đã dựng lại trong { $ms } ms (chỉ các trang vừa sửa, { $count } tệp thay đổi).
serve-rebuilt-site = Đã dựng lại trong { $ms } ms (toàn bộ trang, { $count } tệp thay đổi).
serve-not-loaded = trang chưa được nạp

## Tạo trang web và trang mới

init-not-empty = thư mục này không trống
init-not-empty-hint = hãy ghi tên một thư mục mới: loa init trang-cua-toi
deploy-file-exists = tệp này đã có
deploy-file-exists-hint = nếu muốn loa ghi lại tệp này, trước hết hãy chuyển tệp cũ đi chỗ khác
new-usage = hãy ghi trang mới theo dạng <chiến-dịch>/<trang>, ví dụ thang-hanh-dong-vi-tre-em/hoat-dong
new-usage-hint = dùng `pages/<trang>` cho một trang chung
new-no-slug-hint = hãy đặt tên trang bằng chữ, ví dụ pages/Cách báo tin
new-campaigns-are = các chiến dịch là: { $ids }; hoặc dùng pages/
new-no-campaign = không có chiến dịch `{ $id }`
new-exists = trang này đã có
new-exists-hint = hãy mở trang trong trình soạn thảo, hoặc chọn tên khác

## loa schedule

schedule-title = Lịch từ { $from } đến { $to } ({ $timezone })
schedule-campaign = chiến dịch
schedule-start = bắt đầu
schedule-end = kết thúc
schedule-upcoming = báo trước từ
schedule-recent-until = còn hiện đến
schedule-state-on = trạng thái ngày { $date }
state-name =
    { $state ->
        [active] đang diễn ra
        [upcoming] sắp diễn ra
        [recent] vừa kết thúc
       *[dormant] chưa đến kỳ
    }
schedule-rebuild-on = Dựng lại trang vào những ngày này (trang có thay đổi; nhiều ngày liền nhau là lúc đếm ngược):
schedule-none = không có ngày nào trong khoảng này
schedule-every-day = { $from } … { $to } (mỗi ngày)
schedule-or-daily = Hoặc đơn giản là dựng lại mỗi ngày lúc 00:05 ({ $timezone }); các dòng crontab:
schedule-to-before-from = --to { $to } sớm hơn --from { $from }

## Dòng lệnh

cli-not-a-date = `{ $value }` không phải là một ngày; hãy viết theo dạng năm-tháng-ngày, ví dụ 2027-06-10
cli-built =
    Đã dựng { $pages } trang ({ $files } tệp, { $changed ->
        [0] không tệp nào thay đổi
       *[other] { $changed } tệp thay đổi
    }) cho ngày { $date } vào { $out }
cli-leaflets = Tờ rơi: { $count } tệp PDF, { $typeset } tệp mới dàn trang, { $reused } tệp không đổi (dùng lại từ lần dựng trước).
cli-pictures = Ảnh: { $encoded } tệp mới làm, { $reused } ảnh và ảnh chia sẻ không đổi (dùng lại từ lần dựng trước).
cli-bundles = Gói tờ rơi: { $count } tệp ZIP, { $made } tệp mới làm, { $reused } tệp không đổi (dùng lại từ lần dựng trước).
cli-next-change = Trang thay đổi lần tới vào ngày { $date }: hãy dựng lại trang vào ngày đó (xem `loa schedule`).
cli-no-change = Trong ba năm tới trang không thay đổi gì.
cli-check-ok = Không có lỗi trong { $all } trang (kể cả bản nháp và các trang chưa đến hoặc đã qua thời gian hiện). Ngày { $date } có { $live } trang đang hiện (tính cả bản nháp).
cli-cms-installed = Đã cài { $package } { $version } từ { $source } (mã sha512 đúng với bản loa chọn). Hãy commit thư mục static/admin/ cùng trang web; từ lần dựng sau, trang quản trị có ở /admin/.
cli-cms-installed-unchecked = Đã cài từ { $source }; tệp này chưa được đối chiếu với bản loa chọn (sha512 { $sha512 }). Hãy commit thư mục static/admin/ cùng trang web; từ lần dựng sau, trang quản trị có ở /admin/.
cms-install-no-cms = site.yaml chưa có mục `cms:`, nên chưa có trình soạn thảo nào để cài
cms-install-no-cms-hint = trước hết hãy thêm `cms:` với tên trình soạn thảo và kho mã của trang web, ví dụ cms: {"{"}name: decap, repo: chủ-sở-hữu/tên{"}"} (README, mục "The browser editor")
cms-install-cannot-download = không tải được gói của trình soạn thảo: { $detail }
cms-install-cannot-download-hint = hãy kiểm tra kết nối mạng (proxy hoặc tường lửa có thể chặn registry.npmjs.org); trên một máy vào được, chạy `npm pack` cho gói này rồi dùng `loa cms install --from` với tệp .tgz; hoặc ghi `script: cdn` dưới `cms:`
cms-install-wrong-sha = đây không phải gói { $package } { $version } mà loa đã chọn: mã sha512 khác
cms-install-wrong-sha-hint = chưa có tệp nào được ghi; tệp tải về đã bị thay đổi trên đường truyền hoặc máy chủ gương trả về tệp khác. Hãy thử lại, hoặc dùng registry của npm
cms-install-not-package = đây không phải gói npm mà loa đọc được: { $why }
cms-install-not-package-hint = hãy dùng tệp .tgz do lệnh `npm pack { $package }@{ $version }` tạo ra
cms-install-no-script = gói này không có dist/{ $script }
cli-created = Đã tạo { $file }
cli-init-next = Tiếp theo: cd { $dir } && loa build
cli-deploy-notes = Đầu mỗi tệp ghi những gì cần thiết lập một lần trên máy chủ (xem thêm README, mục "Publishing every day").
cli-deploy-loa-git = Hãy đặt LOA_GIT trong tệp thành địa chỉ kho mã nguồn của loa (loa { $tag } được cài từ đó).
cli-progress-leaflets = Tờ rơi

## Bản tin phát thanh (broadcast:)
takes-broadcast = các giờ phát bản tin: `times:` (danh sách giờ như ["06:00", "17:30"]), có thể thêm `days:` và `title:`
takes-air-times = một danh sách giờ phát theo đồng hồ 24 giờ, như ["06:00", "17:30"]
takes-air-days = một danh sách các thứ trong tuần: { $days }
takes-broadcast-settings = cài đặt bản tin phát thanh: `max_minutes:` (số phút dài nhất của một bản tin) và `abbreviations:` (chữ viết tắt và cách đọc, theo từng ngôn ngữ)
takes-leaflet-settings = cài đặt tờ rơi: `print_shop: true` để mỗi tờ rơi có thêm một bản cho nhà in (lề xén 3 mm, dấu cắt, màu CMYK)
takes-max-minutes = một số phút nguyên, ví dụ 5
takes-abbreviations = chữ viết tắt và cách đọc theo từng ngôn ngữ, mỗi dòng một chữ, ví dụ vi: rồi dòng dưới BCĐ: ban chỉ đạo
fm-broadcast-time = `{ $value }` không phải là giờ phát
fm-broadcast-time-hint = hãy ghi giờ theo đồng hồ 24 giờ, giờ và phút cách nhau bằng dấu hai chấm, đặt trong ngoặc kép: "06:00", "17:30"
fm-broadcast-no-times = bản tin chưa có giờ phát nào
fm-broadcast-day = `{ $value }` không phải là một thứ trong tuần
fm-broadcast-day-hint = hãy dùng { $days }; bỏ `days:` đi thì bản tin được phát mọi ngày trang còn hiện
site-broadcast-max-minutes = một bản tin không thể dài 0 phút
site-broadcast-max-minutes-hint = hãy ghi số phút dài nhất cho một bản tin, ví dụ `max_minutes: 5`, hoặc bỏ mục này (mặc định 5 phút)
check-broadcast-too-long = đọc bản tin này mất khoảng { $minutes } phút { $seconds } giây, quá { $limit } phút cho phép
check-broadcast-too-long-hint = hãy rút gọn bài, tách thành hai bản tin, hoặc nâng giới hạn trong site.yaml, mục `broadcast:`, khoá `max_minutes:`
check-broadcast-abbreviation = khi phát thanh, chữ viết tắt `{ $value }` sẽ bị đánh vần từng chữ cái
check-broadcast-abbreviation-hint = hãy viết đầy đủ, hoặc thêm cách đọc vào site.yaml, mục `broadcast:`, khoá `abbreviations:`
check-broadcast-emoji = biểu tượng `{ $value }` không đọc thành lời được, bản tin sẽ bỏ qua
check-broadcast-emoji-hint = nếu biểu tượng mang ý nghĩa, hãy viết ý đó thành chữ
check-broadcast-table = bảng không đọc thành lời được, bản tin sẽ bỏ qua cả bảng
check-broadcast-table-hint = hãy viết nội dung cần đọc thành câu hoặc danh sách
check-broadcast-code = khối mã không đọc thành lời được, bản tin sẽ bỏ qua
check-broadcast-code-hint = hãy viết nội dung cần đọc thành câu
check-broadcast-html = mã HTML không đọc thành lời được, bản tin sẽ bỏ qua
check-broadcast-html-hint = hãy viết nội dung cần đọc bằng Markdown

## loa report
report-bad-year = Không làm được báo cáo cho năm { $year }
report-bad-year-hint = Ghi năm bằng bốn chữ số, từ 2000 đến 2100, ví dụ: --year 2027
report-log-unreadable = Không mở được tệp nhật ký truy cập: { $detail }
report-log-unreadable-hint = Kiểm tra lại đường dẫn sau --access-log (tệp nhật ký của máy chủ web, ví dụ /var/log/nginx/access.log hoặc access.log.2.gz)
report-log-twice = Tệp nhật ký này đã có trong danh sách: chỉ đọc một lần
report-log-cut = Tệp nhật ký bị cắt ngang, chỉ đọc được đến dòng này: { $detail }
report-log-cut-hint = Các dòng đọc được trước đó vẫn được tính; nếu là tệp .gz, hãy lấy lại bản đầy đủ từ máy chủ
report-write-failed = Không ghi được báo cáo: { $detail }
report-head = Báo cáo năm { $year }
report-published = Đã đăng: { $campaigns } chiến dịch ({ $occurrences } đợt trong năm), { $pages } trang, { $leaflets } tệp tờ rơi
report-bulletins = Bản tin loa: { $bulletins } bản tin, { $slots } lượt phát theo lịch
report-no-logs = Chưa có nhật ký truy cập: thêm --access-log TỆP để đếm lượt đọc, tải về và nhúng
report-read = Người đọc: { $views } lượt xem trang, { $downloads } lượt tải tờ rơi, { $embeds } lượt tải khung nhúng, { $search } lượt mở trang tìm kiếm
report-set-aside = Trong { $lines } dòng nhật ký, không tính: { $crawlers } của bot và trình thu thập dữ liệu; { $notget } không phải GET (HEAD…); { $status } lỗi hoặc chuyển hướng; { $year } ngoài năm báo cáo; { $unreadable } dòng không đọc được
report-unreadable-at = { $file }, dòng { $line }: không đọc được
report-unreadable-more = … và { $count } dòng khác
report-written = Đã ghi vào { $dir }: { $files }
