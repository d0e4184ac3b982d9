import { fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, toFieldErrors } from '$lib/form-errors';
import { todayInVietnam } from '$lib/format';
import {
  AdminHideRatingCommentDocument,
  AdminRatingCommentsDocument,
  AdminRestoreRatingCommentDocument,
} from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import { callApi } from '$lib/server/api';
import { isAdmin, READER_ROLES } from '$lib/viewer';
import { agenciesWhere, agencyOptions } from '../users/agency-options';
import { loadAgencies } from '../users/agency-options.server';
import type { Actions, PageServerLoad } from './$types';
import { ratingFilterInput, ratingListFilterFrom } from './list-filter';
import { isRatingId, parseHideForm, ratingsListUrl } from './moderation-form';

const NOTICES: Record<string, string> = {
  hidden:
    'Đã ẩn bình luận. Bình luận được giữ lại, không còn hiển thị với người dân và bên thứ ba; mức độ hài lòng vẫn được tính.',
  restored: 'Đã khôi phục bình luận: bình luận hiển thị trở lại.',
};

export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const { filter, errors } = ratingListFilterFrom(url.searchParams);
  const request = pageRequestFrom(url.searchParams);
  const [{ ratingComments }, agencies] = await Promise.all([
    callApi(event, AdminRatingCommentsDocument, {
      ...connectionArgs(request),
      filter: ratingFilterInput(filter, errors, todayInVietnam()),
    }),
    loadAgencies(event),
  ]);
  const edges = visibleEdges(request, ratingComments.edges, ratingComments.totalCount);
  const readable = agenciesWhere(locals.viewer, agencies, READER_ROLES);
  const hide = url.searchParams.get('hide');
  const msg = url.searchParams.get('msg');
  return {
    filter,
    filterErrors: errors,
    size: request.size,
    rows: edges.map(({ node }) => node),
    pager: pagerFor(url, request, { ...ratingComments, edges }),
    agencyOptions: agencyOptions(readable.agencies),
    // Offered to administrators; the API checks the dossier's agency against their subtree.
    mayModerate: isAdmin(locals.viewer),
    hide: isRatingId(hide) ? hide : null,
    notice: (msg && NOTICES[msg]) || null,
  };
};

export const actions: Actions = {
  hide: async (event) => {
    const { ratingId, reason, errors } = parseHideForm(await event.request.formData());
    if (Object.keys(errors).length > 0) return fail(400, { hideId: ratingId, reason, errors });
    const { hideRatingComment } = await callApi(event, AdminHideRatingCommentDocument, {
      input: { ratingId, reason },
    });
    if (hideRatingComment.userErrors.length > 0) {
      const apiErrors: FieldErrors = toFieldErrors(hideRatingComment.userErrors, {
        known: (k) => k === 'reason',
      });
      return fail(400, { hideId: ratingId, reason, errors: apiErrors });
    }
    redirect(303, ratingsListUrl(event.url, { msg: 'hidden' }));
  },

  restore: async (event) => {
    const ratingId = String((await event.request.formData()).get('ratingId') ?? '');
    if (!isRatingId(ratingId))
      return fail(400, { restoreError: 'Không xác định được đánh giá cần khôi phục.' });
    const { restoreRatingComment } = await callApi(event, AdminRestoreRatingCommentDocument, {
      input: { ratingId },
    });
    if (restoreRatingComment.userErrors.length > 0) {
      return fail(400, {
        restoreId: ratingId,
        restoreError: restoreRatingComment.userErrors.map((e) => e.message).join(' '),
      });
    }
    redirect(303, ratingsListUrl(event.url, { msg: 'restored' }));
  },
};
