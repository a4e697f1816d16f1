// The dashboard's pages in navigation order, one line per page: its file (web/<id>.html), its title, who may open it
// ("anyone", or the roles that see it in the navigation; the API still decides what each caller gets).
export const PAGES = [
  { id: 'index', href: '/', title: 'Overview', roles: 'anyone' },
];
