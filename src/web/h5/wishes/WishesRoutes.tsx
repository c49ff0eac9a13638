/** The micro-wish pages under /h5/wishes (one chunk). */
import { Route, Routes } from 'react-router';
import { NotFound } from '../../app/NotFound.js';
import { MyClaimsPage, MyWishesPage } from './MyWishesPage.js';
import { PlaceWishPage } from './PlaceWishPage.js';
import { WishPage } from './WishPage.js';
import { WishWallPage } from './WishWallPage.js';

export function WishesRoutes() {
  return (
    <Routes>
      <Route index element={<WishWallPage />} />
      <Route path="new" element={<PlaceWishPage />} />
      <Route path="mine" element={<MyWishesPage />} />
      <Route path="claims" element={<MyClaimsPage />} />
      <Route path=":id" element={<WishPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
