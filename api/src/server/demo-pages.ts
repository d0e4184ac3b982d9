// GET /demo and /demo/tra-cuu: how a provincial portal embeds the widget, served by the API itself
// (development and the default embedded mode only, config.demoPages; never in production). The
// procedure page shows the badge and the card for a seeded procedure with figures; the lookup page
// plays the one-stop system that prints a rating link on the result notice: it issues a link for a
// finished dossier and shows the element in rating mode, asking the seeded quick-rating
// questionnaire's item after the rating (`questions`, portal-plugin README; named by its code, as
// the one-questionnaire query is cheap enough for an anonymous citizen while the list behind
// `questions="quick"` is not). Both under the strict CSP of every page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors.ts';
import type { Services } from '../services/context.ts';
import { escapeHtml, pageHtml, sendPage } from './widget-page-shell.ts';

export const DEMO_PATH = '/demo';
const LOOKUP_PATH = `${DEMO_PATH}/tra-cuu`;

interface DemoProcedure {
  id: number;
  code: string;
  name: string;
}

/** The procedure with the most rated dossiers, or the one asked for (`?ma-thu-tuc=`). */
async function demoProcedure(services: Services, code: string | null): Promise<DemoProcedure | null> {
  if (code) {
    const found = await services.prisma.procedure.findUnique({
      where: { code },
      select: { id: true, code: true, name: true },
    });
    if (found) return found;
  }
  const { rows } = await services.db.pool.query<DemoProcedure>(
    `SELECT p.id, p.code, p.name
       FROM "DossierRollup" r JOIN "Procedure" p ON p.id = r."procedureId"
      WHERE r.grain = 'MONTH' AND r."procedureId" <> 0 AND r."agencyId" <> 0
      GROUP BY p.id
      ORDER BY sum(r."verySatisfied" + r.satisfied + r.dissatisfied) DESC, sum(r.finished) DESC, p.code
      LIMIT 1`,
  );
  return rows[0] ?? null;
}

function header(active: 'procedure' | 'lookup', procedureCode: string): string {
  const q = `?ma-thu-tuc=${encodeURIComponent(procedureCode)}`;
  const current = (page: typeof active) => (page === active ? ' aria-current="page"' : '');
  return `<header class="site"><p>Cổng Dịch vụ công tỉnh Khánh Hòa <span class="muted-inverse">(trang minh họa)</span></p></header>
<nav class="demo" aria-label="Trang minh họa">
<a href="${DEMO_PATH}${q}"${current('procedure')}>Trang thủ tục</a>
<a href="${LOOKUP_PATH}${q}"${current('lookup')}>Tra cứu hồ sơ và đánh giá</a>
</nav>`;
}

async function procedurePage(services: Services, req: IncomingMessage, res: ServerResponse) {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const procedure = await demoProcedure(services, params.get('ma-thu-tuc'));
  if (!procedure) {
    const main = `<main><h1>Trang minh họa</h1><p class="notice">Chưa có dữ liệu thủ tục: nạp dữ liệu mẫu bằng <code>npm run cli -- seed</code>.</p></main>`;
    return sendPage(req, res, 200, pageHtml('Trang minh họa widget', main));
  }
  const code = escapeHtml(procedure.code);
  const main = `${header('procedure', procedure.code)}
<main>
<p class="muted">Thủ tục hành chính › ${code}</p>
<h1>${escapeHtml(procedure.name)}</h1>
<dvc-satisfaction procedure-code="${code}" variant="badge" lang="vi"></dvc-satisfaction>
<section class="card">
<h2>Trình tự thực hiện</h2>
<p>Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công hoặc trực tiếp tại Bộ phận Một cửa; nhận kết quả theo
hình thức đã đăng ký. Nội dung chi tiết của thủ tục do cổng hiển thị như hiện nay; widget chỉ thêm
mức độ hài lòng và thời gian giải quyết.</p>
</section>
<h2>Mức độ hài lòng và thời gian giải quyết trong 12 tháng qua</h2>
<dvc-satisfaction procedure-code="${code}" variant="card" lang="vi"></dvc-satisfaction>
<p class="muted">Hai dòng cổng dịch vụ công dán vào trang: thẻ <code>&lt;script type="module" src="/widget/v1.js"&gt;</code>
và phần tử <code>&lt;dvc-satisfaction procedure-code="${code}"&gt;</code> (README, mục “Nhúng widget”).</p>
</main>`;
  return sendPage(req, res, 200, pageHtml(`${procedure.name} — Cổng Dịch vụ công (minh họa)`, main));
}

/** A few recently finished dossiers of the procedure, to try the rating without knowing a code. */
async function recentFinished(services: Services, procedureId: number): Promise<string[]> {
  const { rows } = await services.db.pool.query<{ code: string }>(
    `SELECT code FROM "Dossier"
      WHERE "procedureId" = $1 AND "endedAt" IS NOT NULL AND "receivedAt" IS NOT NULL
      ORDER BY "endedAt" DESC LIMIT 5`,
    [procedureId],
  );
  return rows.map((r) => r.code);
}

async function lookupPage(services: Services, req: IncomingMessage, res: ServerResponse) {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const procedure = await demoProcedure(services, params.get('ma-thu-tuc'));
  const dossierCode = (params.get('ma-ho-so') ?? '').trim().slice(0, 100);
  let result = '';
  if (dossierCode) {
    try {
      // What the one-stop system does when it prints the result notice (issueRatingLink).
      const link = await services.ratings.issueLink(dossierCode);
      result = `<section class="card" aria-label="Kết quả tra cứu">
<dl class="facts"><dt>Mã hồ sơ</dt><dd>${escapeHtml(dossierCode)}</dd><dt>Trạng thái</dt><dd>Đã giải quyết xong</dd></dl>
</section>
<dvc-satisfaction dossier-code="${escapeHtml(dossierCode)}" token="${escapeHtml(link.token)}" questions="DANH-GIA-NHANH" lang="vi"></dvc-satisfaction>
<p class="muted">Đường dẫn đánh giá gửi kèm kết quả: <a href="${escapeHtml(link.url)}">trang đánh giá của hồ sơ</a>.</p>`;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result = `<p class="notice" role="status">${escapeHtml(err.message)}</p>`;
    }
  }
  const examples = procedure ? await recentFinished(services, procedure.id) : [];
  const q = procedure ? `&amp;ma-thu-tuc=${encodeURIComponent(procedure.code)}` : '';
  const main = `${header('lookup', procedure?.code ?? '')}
<main>
<h1>Tra cứu hồ sơ và đánh giá sự hài lòng</h1>
<form class="lookup" method="get" action="${LOOKUP_PATH}">
<label for="ma-ho-so">Mã hồ sơ</label>
<input id="ma-ho-so" name="ma-ho-so" value="${escapeHtml(dossierCode)}" autocomplete="off" required>
${procedure ? `<input type="hidden" name="ma-thu-tuc" value="${escapeHtml(procedure.code)}">` : ''}
<button type="submit">Tra cứu</button>
</form>
${result}
${
  examples.length
    ? `<h2>Hồ sơ mẫu vừa giải quyết xong</h2><ul class="plain">${examples
        .map(
          (c) =>
            `<li><a href="${LOOKUP_PATH}?ma-ho-so=${encodeURIComponent(c)}${q}">${escapeHtml(c)}</a></li>`,
        )
        .join('')}</ul>`
    : ''
}
</main>`;
  return sendPage(req, res, 200, pageHtml('Tra cứu hồ sơ — Cổng Dịch vụ công (minh họa)', main), 'self');
}

/** Answers /demo and /demo/…; false when the path is not a demo page (the caller answers 404). */
export async function handleDemoPage(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === DEMO_PATH || path === `${DEMO_PATH}/`) await procedurePage(services, req, res);
  else if (path === LOOKUP_PATH) await lookupPage(services, req, res);
  else return false;
  return true;
}
