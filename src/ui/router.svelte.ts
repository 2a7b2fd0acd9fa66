// A tiny hash router: `#/train` selects the Train page. Hash URLs work on any static host
// because the server only ever sees `/`.

export const ROUTE_IDS = ['home', 'train', 'test', 'predict', 'live', 'models'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];
export type Route = RouteId | 'not-found';

export interface RouteInfo {
  id: RouteId;
  label: string;
  href: string;
}

export const ROUTES: readonly RouteInfo[] = [
  { id: 'home', label: 'Home', href: '#/' },
  { id: 'train', label: 'Train', href: '#/train' },
  { id: 'test', label: 'Test', href: '#/test' },
  { id: 'predict', label: 'Predict', href: '#/predict' },
  { id: 'live', label: 'Live', href: '#/live' },
  { id: 'models', label: 'Models', href: '#/models' },
];

function isRouteId(value: string): value is RouteId {
  return (ROUTE_IDS as readonly string[]).includes(value);
}

/** Maps a location hash (`''`, `#/`, `#/train`, `#/train?x=1`) to a route. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[/?#]/)[0].toLowerCase();
  if (path === '') return 'home';
  return isRouteId(path) ? path : 'not-found';
}

class HashRouter {
  route = $state<Route>('home');
  #started = false;

  /** Reads the current hash and follows later changes. Call once, before mounting the app. */
  start(win: Window): void {
    if (this.#started) return;
    this.#started = true;
    this.route = parseHash(win.location.hash);
    win.addEventListener('hashchange', () => {
      this.route = parseHash(win.location.hash);
    });
  }
}

export const router = new HashRouter();
