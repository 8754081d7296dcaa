import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowGraph, matchesQuery, type FlowNode } from '../domain/diagnosis/flow-graph.ts';
import type { Leg } from '../domain/diagnosis/flow.ts';
import type { StepId } from '../domain/diagnosis/steps.ts';
import { useContent, type ContentText } from './content.ts';
import './flow-map.css';
import { PageFrame } from './page-frame.tsx';

export interface FlowMapProps {
  /** Opens a step in the diagnosis (the app closes the page and sends `step.open`). */
  onOpenStep: (step: StepId) => void;
  onClose: () => void;
}

/**
 * The whole diagnosis as an outline: branches that expand into steps, each with its answers and where they
 * lead, and the response codes and screen messages that open it. Support uses it to find and open a step.
 */
export function FlowMap({ onOpenStep, onClose }: FlowMapProps) {
  const { t } = useTranslation('map');
  const text = useContent();
  const idPrefix = useId();
  const nodeButtons = useRef(new Map<StepId, HTMLButtonElement>());
  const [query, setQuery] = useState('');
  /** Groups and steps the user opened or closed; unset ones follow the search (open while searching). */
  const [toggled, setToggled] = useState<Readonly<Record<string, boolean>>>({});
  /** A step revealed from another step's answer: focused once it has rendered open. */
  const pendingFocus = useRef<StepId | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    nodeButtons.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const title = (step: StepId) => text.stepTitle(step, { code: t('node.anyCode') });
  const searchText = (node: FlowNode) =>
    [
      title(node.step),
      text.stepText(node.step, 'prompt'),
      text.stepText(node.step, 'summary'),
      ...node.messages.map((message) => text.messageLabel(message.id)),
    ].join(' ');

  const searching = query.trim() !== '';
  const groups = flowGraph
    .map((group) => ({ ...group, nodes: group.nodes.filter((node) => matchesQuery(node, query, searchText(node))) }))
    .filter((group) => group.nodes.length > 0);
  const found = groups.reduce((sum, group) => sum + group.nodes.length, 0);
  const isOpen = (key: string) => toggled[key] ?? searching;
  const toggle = (key: string) => setToggled((current) => ({ ...current, [key]: !(current[key] ?? searching) }));

  function search(value: string) {
    setQuery(value);
    setToggled({});
  }

  /** Shows another step of the map: clears the search, opens its branch and the step, and moves focus there. */
  function reveal(step: StepId) {
    const group = flowGraph.find((candidate) => candidate.nodes.some((node) => node.step === step));
    setQuery('');
    setToggled((current) => ({
      ...(searching ? {} : current),
      ...(group ? { [`group:${group.id}`]: true } : {}),
      [`step:${step}`]: true,
    }));
    pendingFocus.current = step;
  }

  return (
    <PageFrame page="map" title={t('page.title')} onClose={onClose}>
      <p className="lead">{t('page.lead')}</p>

      <div role="search" className="search">
        <label htmlFor={`${idPrefix}-search`}>{t('search.label')}</label>
        <div className="search-row">
          <input
            id={`${idPrefix}-search`}
            type="search"
            value={query}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(event) => search(event.target.value)}
          />
          {searching ? (
            <button type="button" className="flow-search__clear" onClick={() => search('')}>
              {t('search.clear')}
            </button>
          ) : null}
        </div>
        <p role="status" className="flow-search__status">
          {searching ? (found > 0 ? t('search.found', { count: found }) : t('search.none')) : null}
        </p>
      </div>

      {groups.map((group) => {
        const key = `group:${group.id}`;
        const bodyId = `${idPrefix}-${group.id}`;
        return (
          <section key={group.id} className="flow-group" data-group={group.id}>
            <h2 className="flow-group__head">
              <button type="button" aria-expanded={isOpen(key)} aria-controls={bodyId} onClick={() => toggle(key)}>
                {t(`groups.${group.id}`)}
                {t('group.count', { count: group.nodes.length })}
              </button>
            </h2>
            <ul id={bodyId} className="flow-nodes" hidden={!isOpen(key)}>
              {group.nodes.map((node) => (
                <FlowNodeView
                  key={node.step}
                  node={node}
                  bodyId={`${idPrefix}-${node.step}`}
                  open={isOpen(`step:${node.step}`)}
                  title={title}
                  text={text}
                  onToggle={() => toggle(`step:${node.step}`)}
                  onReveal={reveal}
                  onOpenStep={onOpenStep}
                  buttonRef={(button) => {
                    if (button) nodeButtons.current.set(node.step, button);
                    else nodeButtons.current.delete(node.step);
                  }}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </PageFrame>
  );
}

interface FlowNodeViewProps {
  node: FlowNode;
  bodyId: string;
  open: boolean;
  title: (step: StepId) => string;
  text: ContentText;
  onToggle: () => void;
  onReveal: (step: StepId) => void;
  onOpenStep: (step: StepId) => void;
  buttonRef: (button: HTMLButtonElement | null) => void;
}

function FlowNodeView({
  node,
  bodyId,
  open,
  title,
  text,
  onToggle,
  onReveal,
  onOpenStep,
  buttonRef,
}: FlowNodeViewProps) {
  const { t } = useTranslation('map');
  const { t: tCommon } = useTranslation('common');
  const own = title(node.step);
  return (
    <li className={`flow-node flow-node--${node.kind}`} data-step={node.step}>
      <h3 className="flow-node__head">
        <button
          type="button"
          ref={buttonRef}
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={onToggle}
        >
          <span className="flow-node__code">
            <span className="visually-hidden">{t('node.codeLabel', { code: node.code })}</span>
            <span aria-hidden="true">{node.code}</span>
          </span>
          <span className="flow-node__title">{own}</span>
        </button>
      </h3>
      {/* Only open steps are rendered: the whole map would be hundreds of hidden controls. */}
      {open ? (
        <div id={bodyId} className="flow-node__body">
          <p className="flow-node__kind">{t(`kind.${node.kind}`)}</p>
          {node.edges.length > 0 ? (
            <>
              <h4>{t('node.answers')}</h4>
              <ul className="flow-edges">
                {node.edges.map((edge) => (
                  <li key={edge.answer} className="flow-edge" data-answer={edge.answer} data-target={edge.target}>
                    <span className="flow-edge__answer">{text.answerLabel(node.step, edge.answer)}</span>
                    <ul className="flow-legs">
                      {edge.legs.map((leg) => (
                        <li key={leg.when} className="flow-leg">
                          <LegView leg={leg} title={title} onReveal={onReveal} />
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('node.noAnswers')}</p>
          )}
          {node.escalateTo ? (
            <p className="flow-node__escalate">
              {t('node.escalateTo')} <strong>{tCommon(`escalateTo.${node.escalateTo}`)}</strong>
            </p>
          ) : null}
          {node.codes.length > 0 ? (
            <>
              <h4>{t('node.codes')}</h4>
              <ul className="flow-landings">
                {node.codes.map((code) => (
                  <li key={code.id} data-code={code.id}>
                    <strong className="flow-landing__id">{code.id}</strong> {text.codeText(code.id, 'meaning')}
                    {code.unknownOutcome ? t('node.checkFirst') : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {node.messages.length > 0 ? (
            <>
              <h4>{t('node.messages')}</h4>
              <ul className="flow-landings">
                {node.messages.map((message) => (
                  <li key={message.id} data-message={message.id}>
                    {text.messageLabel(message.id)}
                    {message.unknownOutcome ? t('node.checkFirst') : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {node.kind === 'code' ? null : (
            <button
              type="button"
              className="flow-open"
              aria-label={t('node.openLabel', { title: own })}
              onClick={() => onOpenStep(node.step)}
            >
              {t('node.open')}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}

function LegView({
  leg,
  title,
  onReveal,
}: {
  leg: Leg;
  title: (step: StepId) => string;
  onReveal: (step: StepId) => void;
}) {
  const { t } = useTranslation('map');
  const target = leg.when === 'returnHere' ? null : leg.step;
  return (
    <>
      <span className="flow-leg__when">{t(`leg.${leg.when}`)}</span>
      {target ? (
        <>
          {' '}
          <button
            type="button"
            className="flow-target"
            aria-label={t('node.show', { title: title(target) })}
            onClick={() => onReveal(target)}
          >
            {title(target)}
          </button>
        </>
      ) : null}
    </>
  );
}
