/**
 * The quiz: the server draws the paper (resuming an open attempt), the volunteer answers, the server
 * scores it. The result shows the score, the attempts left and any qualification it granted.
 */
import { Button, Dialog, Empty, Radio, Result, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../api/errors.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { type Paper, type QuizResult, useStartQuiz, useSubmitQuiz } from './data.js';
import './academy.css';

export function QuizPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const back = `/h5/academy/courses/${id}`;
  const start = useStartQuiz();
  const started = useRef(false);
  const [result, setResult] = useState<QuizResult | null>(null);
  const begin = () => {
    setResult(null);
    start.mutate({ params: { path: { id } } });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the paper is drawn once per visit
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    begin();
  }, []);
  return (
    <SubPage title={t('academy.quiz.title')} back={back}>
      {result ? (
        <ResultView result={result} back={back} onRetry={begin} />
      ) : start.isPending || start.isIdle ? (
        <H5Loading />
      ) : start.isError ? (
        <H5Error error={start.error} onRetry={begin} />
      ) : (
        <PaperForm key={start.data.attemptId} courseId={id} paper={start.data} onDone={setResult} />
      )}
    </SubPage>
  );
}

function PaperForm({ courseId, paper, onDone }: { courseId: string; paper: Paper; onDone: (r: QuizResult) => void }) {
  const { t } = useTranslation();
  const submit = useSubmitQuiz();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const onSubmit = async () => {
    const missing = paper.questions.length - Object.keys(answers).length;
    if (missing > 0 && !(await Dialog.confirm({ content: t('academy.quiz.unanswered', { count: missing }) }))) return;
    submit.mutate(
      {
        params: { path: { id: courseId, attemptId: paper.attemptId } },
        body: { answers: Object.entries(answers).map(([questionId, choice]) => ({ questionId, choice })) },
      },
      { onSuccess: onDone, onError: (e) => Toast.show({ icon: 'fail', content: errorText(e) }) },
    );
  };
  return (
    <>
      <p className="lf-academy-intro">
        {t('academy.quiz.header', { no: paper.attemptNo, max: paper.maxAttempts, pass: paper.passingScore })}
      </p>
      {paper.questions.map((q, i) => (
        <fieldset key={q.id} className="lf-academy-question">
          <h3>
            {t('academy.quiz.question', { n: i + 1 })}　{q.prompt}
          </h3>
          <Radio.Group value={answers[q.id] ?? null} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: Number(v) }))}>
            {q.options.map((o, j) => (
              <Radio key={o} value={j}>
                {o}
              </Radio>
            ))}
          </Radio.Group>
        </fieldset>
      ))}
      <div className="lf-h5-block">
        <Button block color="primary" size="large" loading={submit.isPending} onClick={() => void onSubmit()}>
          {t('academy.quiz.submit')}
        </Button>
      </div>
    </>
  );
}

function ResultView({ result, back, onRetry }: { result: QuizResult; back: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = result.qualification;
  return (
    <>
      <Result
        status={result.passed ? 'success' : 'warning'}
        title={`${result.passed ? t('academy.quiz.passed') : t('academy.quiz.failed')} · ${t('academy.quiz.score', { score: result.score })}`}
        description={
          q
            ? t('academy.quiz.granted', { name: q.name })
            : t('academy.quiz.attemptsLeft', { left: result.attemptsLeft })
        }
      />
      {!result.passed && result.attemptsLeft === 0 && <Empty description={t('academy.progress.noAttempts')} />}
      <div className="lf-h5-block lf-academy-result-actions">
        {result.passed ? (
          <Button block color="primary" onClick={() => navigate('/h5/academy/qualifications')}>
            {t('academy.quiz.toQualifications')}
          </Button>
        ) : (
          result.attemptsLeft > 0 && (
            <Button block color="primary" onClick={onRetry}>
              {t('academy.quiz.retry')}
            </Button>
          )
        )}
        <Button block onClick={() => navigate(back)}>
          {t('academy.quiz.back')}
        </Button>
      </div>
    </>
  );
}
