import { Component, lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFrame } from './page-frame.tsx';

/** A page's code could not be fetched (offline before the app was ever cached, a server gone). */
class ChunkLoadError extends Error {}

/**
 * A page whose code loads on first use. When the code cannot be fetched it says the page needs a connection
 * once and offers to try again (also by itself when the browser comes back online), never the crash screen;
 * a later attempt loads afresh instead of repeating the failed one.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  let failed = false;
  const attemptLoad = () =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          failed = true;
          throw new ChunkLoadError(String(error));
        },
      ),
    );
  // Shared by every opening of the page, so a loaded page opens at once; a failed one is tried afresh.
  let current = attemptLoad();
  const retry = () => {
    failed = false;
    current = attemptLoad();
  };

  return function LazyPage(props: P & { page: string; onClose: () => void }) {
    const [attempt, setAttempt] = useState(() => {
      if (failed) retry();
      return 0;
    });
    const Page = current;
    const onRetry = () => {
      retry();
      setAttempt((n) => n + 1);
    };
    return (
      <NotLoaded key={attempt} page={props.page} onClose={props.onClose} onRetry={onRetry}>
        <Suspense fallback={null}>
          <Page {...props} />
        </Suspense>
      </NotLoaded>
    );
  };
}

interface NotLoadedProps {
  page: string;
  onClose: () => void;
  onRetry: () => void;
  children: ReactNode;
}

/** Catches only a page whose code did not load; any other error goes on to the app's crash screen. */
class NotLoaded extends Component<NotLoadedProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof ChunkLoadError)) throw error;
    return <NeedsConnection page={this.props.page} onClose={this.props.onClose} onRetry={this.props.onRetry} />;
  }
}

function NeedsConnection({ page, onClose, onRetry }: Omit<NotLoadedProps, 'children'>) {
  const { t } = useTranslation();
  useEffect(() => {
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [onRetry]);
  return (
    <PageFrame page={page} title={t('notLoaded.title')} onClose={onClose}>
      <p className="lead" data-notice="needs-connection">
        {t('notLoaded.body')}
      </p>
      <button type="button" className="answer primary" data-action="retry" onClick={onRetry}>
        {t('notLoaded.retry')}
      </button>
    </PageFrame>
  );
}
