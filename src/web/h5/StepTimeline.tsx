/**
 * The steps of an order or a wish on the phone, newest first: what happened, when, who, the note,
 * and a mark on a step that needs one (e.g. 无定位 on a check-in without a position).
 */
import { List, Steps, Tag } from 'antd-mobile';
import { currentLanguage } from '../i18n/index.js';
import { dateTime } from '../orders/format.js';
import './step-timeline.css';

interface Label {
  zh: string;
  en: string;
}

export interface TimelineStep {
  event: string;
  label: Label;
  at: string;
  actorName: string | null;
  note: string | null;
  flag?: Label | null;
}

export function StepTimeline({ header, empty, steps }: { header: string; empty: string; steps: TimelineStep[] }) {
  const en = currentLanguage() === 'en';
  return (
    <List header={header} mode="card">
      <div className="lf-step-timeline">
        {steps.length === 0 ? (
          <p className="lf-h5-muted">{empty}</p>
        ) : (
          <Steps direction="vertical" current={steps.length - 1}>
            {[...steps].reverse().map((e) => (
              <Steps.Step
                key={`${e.at}-${e.event}`}
                status="finish"
                title={
                  <>
                    {en ? e.label.en : e.label.zh}
                    {e.flag && (
                      <Tag color="warning" fill="outline" className="lf-step-flag">
                        {en ? e.flag.en : e.flag.zh}
                      </Tag>
                    )}
                  </>
                }
                description={
                  <>
                    <div>
                      {dateTime(e.at)}
                      {e.actorName ? ` · ${e.actorName}` : ''}
                    </div>
                    {e.note && <div>{e.note}</div>}
                  </>
                }
              />
            ))}
          </Steps>
        )}
      </div>
    </List>
  );
}
