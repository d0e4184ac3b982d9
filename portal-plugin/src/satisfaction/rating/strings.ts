// The rating form's words. Vietnamese as a one-stop office would write to a citizen; English complete.
import type { Outcome } from '../outcome.ts';

export interface FormStrings {
  question: (dossierCode: string) => string;
  levels: { DISSATISFIED: string; SATISFIED: string; VERY_SATISFIED: string };
  comment: string;
  commentHint: string;
  counter: (used: number, max: number) => string;
  ratedBefore: string;
  submit: string;
  sending: string;
  chooseFirst: string;
  moreQuestions: string;
  sendAnswers: string;
  skip: string;
  answersSent: string;
  answersFailed: string;
  answersAlready: string;
  answersQueued: string;
  severalAllowed: string;
  outcomes: Record<Outcome, string>;
}

export const STRINGS: Record<'vi' | 'en', FormStrings> = {
  vi: {
    question: (code) => `Ông/bà có hài lòng với việc giải quyết hồ sơ ${code}?`,
    levels: { DISSATISFIED: 'Không hài lòng', SATISFIED: 'Hài lòng', VERY_SATISFIED: 'Rất hài lòng' },
    comment: 'Ý kiến góp ý (không bắt buộc)',
    commentHint:
      'Xin không ghi số điện thoại, số định danh cá nhân hay thư điện tử: nếu có, hệ thống sẽ tự che đi.',
    counter: (used, max) => `${used}/${max} ký tự`,
    ratedBefore: 'Ông/bà đã đánh giá hồ sơ này. Đánh giá mới sẽ thay thế đánh giá trước.',
    submit: 'Gửi đánh giá',
    sending: 'Đang gửi…',
    chooseFirst: 'Xin chọn một mức đánh giá.',
    moreQuestions: 'Xin trả lời thêm vài câu hỏi ngắn (không bắt buộc)',
    sendAnswers: 'Gửi câu trả lời',
    skip: 'Bỏ qua',
    answersSent: 'Đã nhận câu trả lời. Xin cảm ơn!',
    answersFailed: 'Chưa gửi được câu trả lời; đánh giá của ông/bà vẫn đã được ghi nhận.',
    answersAlready:
      'Hồ sơ này đã có câu trả lời khảo sát trước đó nên không ghi nhận thêm; đánh giá của ông/bà vẫn đã được ghi nhận.',
    answersQueued:
      'Chưa có kết nối mạng. Câu trả lời đã được lưu trên máy này và sẽ tự động gửi khi có kết nối trở lại.',
    severalAllowed: 'Có thể chọn nhiều phương án.',
    outcomes: {
      thanks: 'Cảm ơn ông/bà đã đánh giá! Ý kiến đã được ghi nhận.',
      replaced: 'Cảm ơn ông/bà! Đánh giá mới đã thay thế đánh giá trước của hồ sơ này.',
      queued:
        'Chưa có kết nối mạng. Đánh giá đã được lưu trên máy này và sẽ tự động gửi khi có kết nối trở lại.',
      expired: 'Đường dẫn đánh giá đã hết hạn, không thể đánh giá hồ sơ này nữa.',
      'invalid-link': 'Đường dẫn đánh giá không hợp lệ. Xin kiểm tra lại đường dẫn trong thông báo kết quả.',
      'not-finished': 'Hồ sơ chưa giải quyết xong nên chưa thể đánh giá. Xin quay lại sau khi nhận kết quả.',
      'comment-too-long': 'Ý kiến góp ý dài quá 1.000 ký tự. Xin rút gọn rồi gửi lại.',
      'rate-limited': 'Có quá nhiều lượt gửi trong thời gian ngắn. Xin thử lại sau ít phút.',
      error: 'Đã có lỗi khi gửi đánh giá. Xin thử lại sau.',
    },
  },
  en: {
    question: (code) => `Are you satisfied with how dossier ${code} was handled?`,
    levels: { DISSATISFIED: 'Dissatisfied', SATISFIED: 'Satisfied', VERY_SATISFIED: 'Very satisfied' },
    comment: 'Comment (optional)',
    commentHint: 'Please leave out phone numbers, ID numbers and e-mail addresses: any found are masked.',
    counter: (used, max) => `${used}/${max} characters`,
    ratedBefore: 'You have rated this dossier before. A new rating replaces the earlier one.',
    submit: 'Send rating',
    sending: 'Sending…',
    chooseFirst: 'Please choose a rating.',
    moreQuestions: 'A few more short questions (optional)',
    sendAnswers: 'Send answers',
    skip: 'Skip',
    answersSent: 'Answers received. Thank you!',
    answersFailed: 'Your answers could not be sent; your rating has been recorded.',
    answersAlready:
      'The survey for this dossier has already been answered, so these answers were not added; your rating has been recorded.',
    answersQueued:
      'You are offline. Your answers are saved on this device and will be sent when the connection returns.',
    severalAllowed: 'You may choose several options.',
    outcomes: {
      thanks: 'Thank you for your rating! It has been recorded.',
      replaced: 'Thank you! Your new rating replaces the earlier one for this dossier.',
      queued:
        'You are offline. Your rating is saved on this device and will be sent when the connection returns.',
      expired: 'This rating link has expired; the dossier can no longer be rated.',
      'invalid-link': 'This rating link is not valid. Please check the link in your result notice.',
      'not-finished':
        'This dossier is not finished yet, so it cannot be rated. Please come back once you have the result.',
      'comment-too-long': 'The comment is longer than 1,000 characters. Please shorten it and send again.',
      'rate-limited': 'Too many submissions in a short time. Please try again in a few minutes.',
      error: 'Something went wrong while sending your rating. Please try again later.',
    },
  },
};

/** What the applicant reads after sending the questionnaire answers (or what happened instead). */
export function surveyMessage(t: FormStrings, result: 'sent' | 'queued' | 'already' | 'refused'): string {
  if (result === 'sent') return t.answersSent;
  if (result === 'queued') return t.answersQueued;
  if (result === 'already') return t.answersAlready;
  return t.answersFailed;
}
