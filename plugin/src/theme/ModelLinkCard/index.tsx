import {useCallback, useEffect, useId, useRef, useState, type ReactNode} from 'react';
import {autoUpdate, computePosition, flip, offset, shift} from '@floating-ui/dom';
import {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {cardShard} from '@theme/ModelLinkCard/cardShard';
import {useModelAtlasData} from '@theme/ModelLinkCard/useModelAtlasData';
import type {Props} from '@theme/ModelLinkCard';
import styles from './styles.module.css';

interface Card {
  name: string;
  permalink: string;
  date: string;
  organizations: string[];
  domain: string;
  parameters?: string;
  summary: string;
}

/** Card files already fetched, by URL: each file (about 50 cards) is loaded once, on first use. */
const cardFiles = new Map<string, Promise<Readonly<Record<string, Card>> | undefined>>();

function loadCard(url: string, id: string): Promise<Card | undefined> {
  if (!cardFiles.has(url)) {
    cardFiles.set(
      url,
      fetch(url).then(
        (response) => (response.ok ? (response.json() as Promise<Record<string, Card>>) : undefined),
        () => undefined,
      ),
    );
  }
  return cardFiles.get(url)!.then((cards) => cards?.[id]);
}

/**
 * Keeps the card beside its link and inside the viewport while it is open: below the link, flipped above
 * when there is no room, shifted sideways to stay on screen (floating-ui, fixed positioning so the page never
 * grows a scrollbar).
 */
function usePlacement(wrapper: React.RefObject<HTMLSpanElement | null>, card: React.RefObject<HTMLSpanElement | null>, visible: boolean): void {
  useEffect(() => {
    const reference = wrapper.current?.querySelector('a');
    const floating = card.current;
    if (!visible || !reference || !floating) return undefined;
    return autoUpdate(reference, floating, () => {
      void computePosition(reference, floating, {strategy: 'fixed', placement: 'bottom-start', middleware: [offset(4), flip({padding: 8}), shift({padding: 8})]}).then(({x, y}) => {
        Object.assign(floating.style, {left: `${x}px`, top: `${y}px`, visibility: 'visible'});
      });
    });
  }, [wrapper, card, visible]);
}

/**
 * Wraps a link to a model page. The card opens on hover and on keyboard focus, stays open while hovered,
 * closes with Escape (WCAG 1.4.13), and describes the link to screen readers (`aria-describedby` on the
 * link itself). It holds no focusable element, so each link is one Tab stop. On touch, the first tap opens
 * the card and a second tap follows the link.
 */
export default function ModelLinkCard({id, children}: Props): ReactNode {
  const atlas = useModelAtlasData();
  const url = useBaseUrl(`/${atlas?.routeBasePath ?? ''}/cards/${cardShard(id, atlas?.cardShards ?? 1)}.json`);
  const [card, setCard] = useState<Card | undefined>();
  const [open, setOpen] = useState(false);
  const touched = useRef(false);
  const cardId = useId();
  const wrapper = useRef<HTMLSpanElement>(null);
  const floating = useRef<HTMLSpanElement>(null);

  const show = useCallback(() => {
    setOpen(true);
    void loadCard(url, id).then(setCard);
  }, [url, id]);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const visible = open && card !== undefined;
  usePlacement(wrapper, floating, visible);

  // The link, not the wrapper, is what a screen reader focuses: describe it by the card.
  useEffect(() => {
    const link = wrapper.current?.querySelector('a');
    if (!link) return;
    if (visible) link.setAttribute('aria-describedby', cardId);
    else link.removeAttribute('aria-describedby');
  }, [visible, cardId]);

  return (
    <span
      ref={wrapper}
      onMouseEnter={show}
      onMouseLeave={() => setOpen(false)}
      onFocus={show}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
      onPointerDown={(event) => {
        touched.current = event.pointerType === 'touch';
      }}
      onClickCapture={(event) => {
        if (touched.current && !visible && (event.target as Element).closest('a') && !(event.target as Element).closest(`.${styles.card}`)) {
          event.preventDefault();
          show();
        }
      }}
    >
      {children}
      {visible && (
        <span ref={floating} id={cardId} role="tooltip" className={styles.card}>
          <span className={styles.title}>{card.name}</span>
          <span className={styles.meta}>
            {[card.date, card.organizations.join(', '), card.domain, card.parameters && translate({id: 'modelAtlas.card.parameters', message: '{count} parameters'}, {count: card.parameters})]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span>{card.summary}</span>
        </span>
      )}
    </span>
  );
}
