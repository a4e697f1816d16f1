// The dashboard's pages in navigation order, one line per page: its file (web/<id>.html), its title, who may open it
// ("anyone", or the roles that see it in the navigation; the API still decides what each caller gets).
export const PAGES = [
  { id: 'index', href: '/', title: 'Overview', roles: 'anyone' },
  { id: 'evidence', href: '/evidence.html', title: 'Evidence', roles: 'anyone' },
  { id: 'ledger', href: '/ledger.html', title: 'Ledger', roles: 'anyone' },
  { id: 'map', href: '/map.html', title: 'Map', roles: 'anyone' },
  { id: 'timeline', href: '/timeline.html', title: 'Timeline', roles: 'anyone' },
  { id: 'compliance', href: '/compliance.html', title: 'Compliance', roles: 'anyone' },
  { id: 'forecast', href: '/forecast.html', title: 'Forecast', roles: 'anyone' },
  { id: 'bargaining', href: '/bargaining.html', title: 'Bargaining', roles: 'anyone' },
];
