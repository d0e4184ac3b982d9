// GET /danh-gia?ma-ho-so=…&token=…: the citizen's rating page, where the link of `issueRatingLink`
// leads (RATING_PAGE_URL defaults to it; the link is built in services/ratings/index.ts). It works
// on a phone without the portal: the dossier and its procedure when the token is good for that
// dossier (checked first, so the page tells nobody without a token whether a dossier exists), the
// <dvc-satisfaction> element in rating mode, and a plain explanation. Strict CSP, no inline code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services/context.ts';
import { escapeHtml, pageHtml, sendPage } from './widget-page-shell.ts';

export const RATING_PAGE_PATH = '/danh-gia';

/** The dossier code and token from the link's query (`ma-ho-so`, `token`). */
function linkOf(req: IncomingMessage): { dossierCode: string; token: string } {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return {
    dossierCode: (params.get('ma-ho-so') ?? '').trim().slice(0, 100),
    token: (params.get('token') ?? '').trim().slice(0, 1000),
  };
}

const EXPLANATION = `<h2>Về việc đánh giá</h2>
<p>Ý kiến của ông/bà giúp cơ quan giải quyết thủ tục hành chính cải thiện chất lượng phục vụ. Ông/bà chọn
một trong ba mức: <strong>Rất hài lòng</strong>, <strong>Hài lòng</strong> hoặc <strong>Không hài lòng</strong>,
và có thể ghi thêm góp ý. Nếu đánh giá lại, đánh giá mới sẽ thay thế đánh giá trước.</p>
<p class="muted">Thông tin cá nhân (số điện thoại, số định danh…) trong góp ý sẽ được che trước khi lưu.
Trang này không dùng cookie và không theo dõi người dùng.</p>`;

function header(): string {
  return `<header class="site"><p>Cổng dịch vụ công — Đánh giá sự hài lòng</p></header>`;
}

export async function handleRatingPage(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Chỉ nhận phương thức GET.');
    return;
  }
  const { dossierCode, token } = linkOf(req);
  const title = 'Đánh giá mức độ hài lòng về giải quyết thủ tục hành chính';
  if (!dossierCode || !token) {
    const main = `${header()}<main>
<h1>${title}</h1>
<p class="notice" role="status">Đường dẫn đánh giá chưa đầy đủ. Vui lòng mở đúng đường dẫn trong tin nhắn
hoặc phiếu kết quả giải quyết hồ sơ (gồm mã hồ sơ và mã đánh giá).</p>
${EXPLANATION}
</main>`;
    return sendPage(req, res, 400, pageHtml(title, main));
  }
  const check = services.ratings.verifyToken(token, dossierCode);
  if (!check.ok) {
    const reason =
      check.code === 'TOKEN_EXPIRED'
        ? 'Đường dẫn đánh giá này đã hết hạn. Thời hạn đánh giá được tính từ ngày hồ sơ giải quyết xong.'
        : 'Đường dẫn đánh giá không hợp lệ hoặc không dành cho hồ sơ này. Vui lòng kiểm tra lại đường dẫn trong tin nhắn hoặc phiếu kết quả.';
    const main = `${header()}<main>
<h1>${title}</h1>
<p class="notice" role="status">${reason}</p>
${EXPLANATION}
</main>`;
    return sendPage(req, res, check.code === 'TOKEN_EXPIRED' ? 410 : 400, pageHtml(title, main));
  }
  const dossier = await services.prisma.dossier.findUnique({
    where: { code: dossierCode },
    select: {
      code: true,
      procedure: { select: { code: true, name: true } },
      agency: { select: { name: true } },
    },
  });
  const facts = dossier
    ? `<dl class="facts">
<dt>Mã hồ sơ</dt><dd>${escapeHtml(dossier.code)}</dd>
<dt>Thủ tục</dt><dd>${escapeHtml(dossier.procedure.name)} <span class="muted">(${escapeHtml(dossier.procedure.code)})</span></dd>
<dt>Cơ quan giải quyết</dt><dd>${escapeHtml(dossier.agency.name)}</dd>
</dl>`
    : `<dl class="facts"><dt>Mã hồ sơ</dt><dd>${escapeHtml(dossierCode)}</dd></dl>`;
  const main = `${header()}<main>
<h1>${title}</h1>
<section class="card" aria-label="Hồ sơ được đánh giá">
${facts}
</section>
<dvc-satisfaction dossier-code="${escapeHtml(dossierCode)}" token="${escapeHtml(token)}" lang="vi"></dvc-satisfaction>
${EXPLANATION}
</main>`;
  return sendPage(req, res, 200, pageHtml(`${title} — hồ sơ ${dossierCode}`, main));
}
