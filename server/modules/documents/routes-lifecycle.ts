import type { FastifyRequest, FastifySchema } from 'fastify';
import { idParams } from '../../../contracts/common.ts';
import {
  answerBody,
  archiveBody,
  closeRoundBody,
  commentBody,
  commentParams,
  documentEventsResponse,
  openRoundBody,
  restoreBody,
  reviewCommentSchema,
  reviewRoundSchema,
  reviewRoundsQuery,
  reviewRoundsResponse,
  roundParams,
  sendBackBody,
  submitBody,
} from '../../../contracts/document-review.ts';
import { documentSchema } from '../../../contracts/documents.ts';
import { requireActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { type App, auditContextOf } from '../../platform/http.ts';
import {
  addReviewComment,
  answerReviewComment,
  archiveDocument,
  closeReviewRound,
  listDocumentEvents,
  listReviewRounds,
  openReviewRound,
  restoreDocument,
  sendBack,
  submitForApproval,
} from './lifecycle.ts';
import type { Change } from './support.ts';

const tags = ['documents'];
const moves =
  'Each move bumps the document version (give it back as expectedVersion; a stale one is 409), and ' +
  'writes a history event and an audit row in the same transaction.';

/** The route options every route here shares: signed in (the use case decides the rest), tagged. */
function signedIn<S extends FastifySchema>(schema: S) {
  return { config: { access: 'signedIn' as const }, schema: { tags, ...schema } };
}

/** The lifecycle of a document's draft: review rounds, comments and answers, approval, archiving. */
export function registerDocumentLifecycleRoutes(
  app: App,
  db: Db,
  inTx: <T>(db: Db, work: (tx: Db) => Promise<T>) => Promise<T>,
): void {
  /** One use case on the document of the path, by the signed-in actor, in one transaction. */
  function onDocument<T>(
    request: FastifyRequest & { params: { id: string } },
    work: (move: Change & { documentId: string }, tx: Db) => Promise<T>,
  ): Promise<T> {
    const actor = requireActor(request.actor);
    return inTx(db, (tx) =>
      work({ actor, audit: auditContextOf(request), documentId: request.params.id }, tx),
    );
  }

  app.post(
    '/api/documents/:id/review-rounds',
    signedIn({
      summary: 'Open a review round on the draft',
      description:
        "By the owner and the organisation's administrators, while the draft is being written. Rounds are " +
        "numbered 1, 2, … per version. reviewerIds defaults to the document's reviewers (at least one, " +
        'active people of the organisation); the deadline is today or later. The reviewers are notified. A ' +
        'knowledge support moves to review_round_1 (round 1) or review_round_2 (round 2 on), a pipeline_changed ' +
        `event after the move's (a regional addition stays one; other types have no pipeline). ${moves}`,
      params: idParams,
      body: openRoundBody,
      response: { 201: reviewRoundSchema },
    }),
    async (request, reply) => {
      const round = await onDocument(request, (move, tx) =>
        openReviewRound({ ...move, input: request.body }, tx),
      );
      return reply.status(201).send(round);
    },
  );

  app.get(
    '/api/documents/:id/review-rounds',
    signedIn({
      summary: 'The review rounds of the draft, or of an earlier version, with comments and answers',
      description:
        "For the owner, reviewers, approver and the organisation's administrators. ?version=N gives the " +
        'rounds of version N; without it, those of the current draft (none without a draft). Each round ' +
        "carries sectionTitles, the section titles of the version it reviews (that version's own, not the " +
        "template's today): a comment's sectionId is found there, or the section has no title in that version.",
      params: idParams,
      querystring: reviewRoundsQuery,
      response: { 200: reviewRoundsResponse },
    }),
    async (request) =>
      onDocument(request, (move, tx) => listReviewRounds({ ...move, version: request.query.version }, tx)),
  );

  app.post(
    '/api/documents/:id/review-rounds/:number/close',
    signedIn({
      summary: 'Close an open review round',
      description:
        "By the owner and the organisation's administrators; the draft goes back to being written. Comments " +
        `may still be unanswered: unansweredCount says how many. ${moves}`,
      params: roundParams,
      body: closeRoundBody,
      response: { 200: reviewRoundSchema },
    }),
    async (request) =>
      onDocument(request, (move, tx) =>
        closeReviewRound(
          { ...move, number: request.params.number, expectedVersion: request.body.expectedVersion },
          tx,
        ),
      ),
  );

  app.post(
    '/api/documents/:id/review-rounds/:number/comments',
    signedIn({
      summary: 'Comment on a section of the draft in an open round',
      description:
        "By the round's reviewers and the document's approver while the round is open. sectionId is a " +
        "section of the draft; quote is the words commented on. The document's version does not change.",
      params: roundParams,
      body: commentBody,
      response: { 201: reviewCommentSchema },
    }),
    async (request, reply) => {
      const comment = await onDocument(request, (move, tx) =>
        addReviewComment({ ...move, number: request.params.number, input: request.body }, tx),
      );
      return reply.status(201).send(comment);
    },
  );

  app.post(
    '/api/documents/:id/review-comments/:commentId/answer',
    signedIn({
      summary: 'Answer a review comment',
      description:
        "By the owner and the organisation's administrators, while the draft is being written or reviewed; " +
        'a comment of any round of the draft, a closed one too. Answering again replaces the answer (the ' +
        'earlier one stays in the audit log).',
      params: commentParams,
      body: answerBody,
      response: { 200: reviewCommentSchema },
    }),
    async (request) =>
      onDocument(request, (move, tx) =>
        answerReviewComment(
          { ...move, commentId: request.params.commentId, answer: request.body.answer },
          tx,
        ),
      ),
  );

  app.post(
    '/api/documents/:id/submit',
    signedIn({
      summary: 'Submit the draft for approval',
      description:
        "By the owner and the organisation's administrators, while the draft is being written (no open " +
        'round). The document needs an approver, and every comment of every round of the draft must be ' +
        'answered, those of closed rounds too (422 names how many are not, and in which rounds: ' +
        `unanswered, unansweredRounds). The approver is notified. ${moves}`,
      params: idParams,
      body: submitBody,
      response: { 200: documentSchema },
    }),
    async (request) =>
      onDocument(request, (move, tx) =>
        submitForApproval({ ...move, expectedVersion: request.body.expectedVersion }, tx),
      ),
  );

  app.post(
    '/api/documents/:id/send-back',
    signedIn({
      summary: 'Send a draft awaiting approval back to its author, with a reason',
      description: `By the approver and the organisation's administrators. The owner is notified. ${moves}`,
      params: idParams,
      body: sendBackBody,
      response: { 200: documentSchema },
    }),
    async (request) =>
      onDocument(request, (move, tx) =>
        sendBack({ ...move, reason: request.body.reason, expectedVersion: request.body.expectedVersion }, tx),
      ),
  );

  app.post(
    '/api/documents/:id/archive',
    signedIn({
      summary: 'Archive a document, with a reason',
      description:
        "By the owner and the organisation's administrators. Its versions stay readable; its draft cannot " +
        `be edited and no round opened until it is restored. An open round is closed. ${moves}`,
      params: idParams,
      body: archiveBody,
      response: { 200: documentSchema },
    }),
    async (request) =>
      onDocument(request, (move, tx) =>
        archiveDocument(
          { ...move, reason: request.body.reason, expectedVersion: request.body.expectedVersion },
          tx,
        ),
      ),
  );

  app.post(
    '/api/documents/:id/restore',
    signedIn({
      summary: 'Restore an archived document',
      description: `By the owner and the organisation's administrators: published again, or a draft if it never was. ${moves}`,
      params: idParams,
      body: restoreBody,
      response: { 200: documentSchema },
    }),
    async (request) =>
      onDocument(request, (move, tx) =>
        restoreDocument({ ...move, expectedVersion: request.body.expectedVersion }, tx),
      ),
  );

  app.get(
    '/api/documents/:id/events',
    signedIn({
      summary: "The document's history, oldest first",
      description:
        'Who moved the document where and when, with the reason when one was asked. Events on a version ' +
        "never published only for the owner, reviewers, approver and the organisation's administrators.",
      params: idParams,
      response: { 200: documentEventsResponse },
    }),
    async (request) => onDocument(request, (move, tx) => listDocumentEvents(move, tx)),
  );
}
