#include "app/mail/mail_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/domain/csv_fields.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/mail/mail_data.hpp"
#include "app/mail/mail_labels.hpp"

namespace app::office {
namespace {

// Every item, oldest first: 001's register columns (收件日期, 郵件號碼, 郵件性質,
// 收件房號, 收件人姓名), how the owner was told, and who collected it and when
// (具體簽收時間) or when it went back. The shared helpers write the BOM and
// make cells that start like a formula safe (a tracking number typed "=…").
ExportTable export_mail(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"登记时间", CellType::datetime}, {"类别"}, {"快递公司"}, {"邮件号码"}, {"楼栋"}, {"单元"}, {"房号"}, {"收件人"},
                     {"登记人"}, {"通知"}, {"状态"}, {"领取或退回时间", CellType::datetime}, {"领取人"}, {"领取人身份"}, {"经办人"}, {"备注"}},
                    0);
  std::vector<const app::MailItem*> list;
  for (const auto& [id, m] : d.mail.items) {
    if (m.known()) list.push_back(&m);
  }
  std::sort(list.begin(), list.end(), [](const app::MailItem* a, const app::MailItem* b) {
    return std::tie(a->received_ms, a->id) < std::tie(b->received_ms, b->id);
  });
  const auto zh = app::i18n::Lang::zh_CN;
  for (const app::MailItem* m : list) {
    const auto place = unit_place(d, m->unit);
    std::string told;
    for (const app::MailNotice& n : m->notices) {
      if (!told.empty()) told += "；";
      told += std::string(app::i18n::tr(app::mail::notice_how_label(n.how), zh)) + " " + beijing_time(n.at_ms);
    }
    const bool collected = m->state == app::mail::State::collected;
    table.rows.push_back({beijing_time(m->received_ms), app::i18n::tr(app::mail::kind_label(m->kind), zh), m->carrier, m->tracking, place[0],
                          place[1], place[2], m->recipient, staff_name(d, m->received_by), told,
                          app::i18n::tr(app::mail::state_label(m->state), zh), m->closed_ms ? beijing_time(m->closed_ms) : std::string(),
                          m->collector_name, collected ? app::i18n::tr(app::mail::collector_label(m->collector), zh) : std::string(),
                          m->closed_ms ? staff_name(d, m->closed_by) : std::string(), m->close_note.empty() ? m->note : m->close_note});
  }
  return table;
}

}  // namespace

void add_mail_exports(ExportRegistry& registry) { registry.add("mail", app::i18n::S::export_mail_title, export_mail); }

}  // namespace app::office
